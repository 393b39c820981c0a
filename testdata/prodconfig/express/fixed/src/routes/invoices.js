const express = require("express");

const router = express.Router();

router.get("/", async (req, res) => {
  if (!req.session.userId) {
    return res.status(401).json({ error: "sign in" });
  }
  const rows = await req.app.locals.db.invoicesFor(req.session.tenantId);
  res.cookie("last_seen", Date.now().toString(), { httpOnly: true, secure: true });
  res.json(rows);
});

module.exports = router;
