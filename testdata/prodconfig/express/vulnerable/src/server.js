const express = require("express");
const session = require("express-session");
const cors = require("cors");
const invoices = require("./routes/invoices");
const status = require("./routes/status");

const app = express();
app.set("trust proxy", 1);

app.use(cors({
  origin: true,
  credentials: true, // want "cors/wildcard-with-credentials"
}));

app.use(session({
  name: "portal.sid",
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  cookie: {
    httpOnly: false, // want "transport/session-cookie-not-httponly"
    secure: false, // want "transport/session-cookie-not-secure"
    sameSite: "none", // want "transport/samesite-none-without-secure"
    maxAge: 8 * 60 * 60 * 1000,
  },
}));

app.use(express.json());
app.use("/api/invoices", invoices);
app.use("/status", status);

app.listen(process.env.PORT || 3000);
