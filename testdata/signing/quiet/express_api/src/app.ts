import express from "express";
import cookieSession from "cookie-session";
import { JwtModule } from "@nestjs/jwt";
import { ExtractJwt, Strategy } from "passport-jwt";

export const app = express();

app.use(cookieSession({ name: "session", keys: [process.env.COOKIE_KEY_1!, process.env.COOKIE_KEY_2!] }));

export const jwtModule = JwtModule.register({
  secret: process.env.JWT_SECRET,
  signOptions: { expiresIn: "60s" },
});

export const strategy = new Strategy(
  { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: config.jwtSecret },
  (payload, done) => done(null, payload),
);

// A generated secret committed here is the secret rules' to report.
export const legacy = jwt.sign(claims, "Zk7Qp2Xv9Lm4Rt8Wb1Nc6Yd3Hf0Js5Gu2Ke9Lo4Qi7Xa1Ws8Ed3Rf6Tg0Yh5Uj");
