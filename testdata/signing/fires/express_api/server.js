const express = require('express');
const session = require('express-session');
const cookieParser = require('cookie-parser');
const jwt = require('jsonwebtoken');

const app = express();

app.use(cookieParser('s3cr3t')); // want "secret/session-secret-literal"
app.use(session({
  resave: false,
  saveUninitialized: false,
  cookie: { secure: true, httpOnly: true },
  secret: 'keyboard cat', // want "secret/session-secret-literal"
}));

app.post('/login', (req, res) => {
  const token = jwt.sign({ id: req.body.id, role: 'user' }, 'secret', { expiresIn: '1h' }); // want "secret/jwt-key-literal"
  res.json({ token });
});

app.get('/me', (req, res) => {
  const claims = jwt.verify(req.get('authorization').slice(7), 'shhhhh'); // want "secret/jwt-key-literal"
  res.json(claims);
});

app.listen(process.env.PORT || 3000);
