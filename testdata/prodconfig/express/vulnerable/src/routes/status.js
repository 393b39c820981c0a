const express = require("express");
const cors = require("cors");

const router = express.Router();

// The status page is polled by the marketing site and the partner widget.
router.use(cors({
  origin: ["https://www.acme-invoices.com", "https://widget.partner-demo.net"], // want "cors/origin-not-allowed" "cors/origin-not-allowed"
}));

router.get("/", (req, res) => {
  res.json({ ok: true });
});

module.exports = router;
