const express = require("express");
const cors = require("cors");

const router = express.Router();

router.use(cors()); // want "cors/allow-all-origins"

router.get("/", async (req, res) => {
  if (!req.session.userId) {
    return res.status(401).json({ error: "sign in" });
  }
  const rows = await req.app.locals.db.invoicesFor(req.session.tenantId);
  res.cookie("last_seen", Date.now().toString(), { httpOnly: true, secure: true });
  res.json(rows);
});

module.exports = router;
