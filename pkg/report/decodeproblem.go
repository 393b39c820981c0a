package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// DecodeProblem describes an error decoding a JSON or SARIF report,
// with the line it is on when the error has an offset, for the one-line
// errors of the commands that read reports (--baseline, merge).
func DecodeProblem(data []byte, err error) string {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 || off > int64(len(data)) {
		return err.Error()
	}
	return fmt.Sprintf("line %d: %v", bytes.Count(data[:off], []byte("\n"))+1, err)
}
