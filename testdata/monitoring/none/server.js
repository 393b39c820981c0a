const http = require('node:http')
http.createServer((req, res) => {
  res.writeHead(req.url === '/health' ? 200 : 404)
  res.end()
}).listen(8080)
