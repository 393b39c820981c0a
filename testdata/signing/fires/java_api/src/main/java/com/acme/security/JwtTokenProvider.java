package com.acme.security;

import com.auth0.jwt.algorithms.Algorithm;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.util.Date;

public class JwtTokenProvider {
    private final Algorithm auth0 = Algorithm.HMAC256("secret"); // want "secret/jwt-key-literal"

    public String create(String user) {
        return Jwts.builder()
            .setSubject(user)
            .setExpiration(new Date(System.currentTimeMillis() + 3600000))
            .signWith(SignatureAlgorithm.HS512, "JWTSuperSecretKey") // want "secret/jwt-key-literal"
            .compact();
    }

    public String subject(String token) {
        return Jwts.parser().setSigningKey("JWTSuperSecretKey").parseClaimsJws(token).getBody().getSubject(); // want "secret/jwt-key-literal"
    }

    public String modern(String user) {
        return Jwts.builder().subject(user).signWith(Keys.hmacShaKeyFor("short-key".getBytes(StandardCharsets.UTF_8))).compact(); // want "secret/jwt-key-literal"
    }
}
