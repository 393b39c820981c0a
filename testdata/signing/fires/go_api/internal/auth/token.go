package auth

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var jwtKey = []byte("my_secret_key") // want "secret/jwt-key-literal"

// Issue signs a token for user.
func Issue(user string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: user, ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte("secret")) // want "secret/jwt-key-literal"
}

// Parse checks a token.
func Parse(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		return []byte("changeme"), nil // want "secret/jwt-key-literal"
	})
}
