const express = require("express");
const session = require("express-session");
const cors = require("cors");
const invoices = require("./routes/invoices");
const status = require("./routes/status");

const app = express();
app.set("trust proxy", 1);

app.use(cors({
  origin: ["https://portal.acme-invoices.com"],
  credentials: true,
}));

app.use(session({
  name: "portal.sid",
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  cookie: {
    httpOnly: true,
    secure: true,
    sameSite: "lax",
    maxAge: 8 * 60 * 60 * 1000,
  },
}));

app.use(express.json());
app.use("/api/invoices", invoices);
app.use("/status", status);

app.listen(process.env.PORT || 3000);
