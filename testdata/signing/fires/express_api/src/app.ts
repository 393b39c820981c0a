import express from "express";
import cookieSession from "cookie-session";
import { JwtModule } from "@nestjs/jwt";
import { ExtractJwt, Strategy } from "passport-jwt";

export const app = express();

app.use(cookieSession({ name: "session", keys: ["key1", "key2"], maxAge: 86400000 })); // want "secret/session-secret-literal"

export const jwtModule = JwtModule.register({
  secret: "secretKey", // want "secret/jwt-key-literal"
  signOptions: { expiresIn: "60s" },
});

export const strategy = new Strategy(
  { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: "your-256-bit-secret" }, // want "secret/jwt-key-literal"
  (payload, done) => done(null, payload),
);
