const express = require("express");
const cors = require("cors");

const router = express.Router();

router.use(cors({
  origin: ["https://portal.acme-invoices.com"],
}));

router.get("/", (req, res) => {
  res.json({ ok: true });
});

module.exports = router;
