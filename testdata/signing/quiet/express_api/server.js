const express = require('express');
const session = require('express-session');
const cookieParser = require('cookie-parser');
const jwt = require('jsonwebtoken');

const app = express();
const secret = process.env.SESSION_SECRET;
if (!secret) throw new Error('SESSION_SECRET is not set');

app.use(cookieParser(secret));
app.use(session({
  resave: false,
  saveUninitialized: false,
  cookie: { secure: true, httpOnly: true, sameSite: 'lax' },
  secret,
  // secret: 'keyboard cat',
}));

app.post('/login', (req, res) => {
  const token = jwt.sign({ id: req.body.id, role: 'user' }, process.env.JWT_SECRET, { expiresIn: '1h' });
  res.json({ token });
});

app.get('/me', (req, res) => {
  const claims = jwt.verify(req.get('authorization').slice(7), publicKey, { algorithms: ['RS256'] });
  res.json(claims);
});

app.listen(process.env.PORT || 3000);
