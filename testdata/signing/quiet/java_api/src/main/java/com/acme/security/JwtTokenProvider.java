package com.acme.security;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;
import org.springframework.beans.factory.annotation.Value;

public class JwtTokenProvider {
    @Value("${app.jwt.secret}")
    private String jwtSecret;

    public String create(String user) {
        return Jwts.builder().setSubject(user).signWith(SignatureAlgorithm.HS512, jwtSecret).claim("role", "user").compact();
    }

    public String subject(String token) {
        // Jwts.parser().setSigningKey("JWTSuperSecretKey")
        return Jwts.parser().setSigningKey(jwtSecret).parseClaimsJws(token).getBody().getSubject();
    }
}
