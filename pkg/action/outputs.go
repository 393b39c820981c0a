package action

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
)

// output is one step output.
type output struct{ name, value string }

// writeOutputs appends the step outputs to the file the runner names in
// GITHUB_OUTPUT. A value with a line break goes in the heredoc form, with
// a random delimiter so that the value cannot end it early.
func writeOutputs(file string, outs []output) error {
	var b strings.Builder
	for _, o := range outs {
		if !strings.ContainsAny(o.value, "\r\n") {
			fmt.Fprintf(&b, "%s=%s\n", o.name, o.value)
			continue
		}
		delim, err := delimiter(o.value)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s<<%s\n%s\n%s\n", o.name, delim, o.value, delim)
	}
	return appendFile(file, b.String(), "GITHUB_OUTPUT")
}

func delimiter(value string) (string, error) {
	for {
		var buf [16]byte
		if _, err := rand.Read(buf[:]); err != nil {
			return "", fmt.Errorf("making an output delimiter: %w", err)
		}
		d := "ghadelimiter_" + hex.EncodeToString(buf[:])
		if !strings.Contains(value, d) {
			return d, nil
		}
	}
}

// appendFile appends text to one of the runner's command files; what names
// the variable that pointed at it.
func appendFile(file, text, what string) error {
	f, err := os.OpenFile(file, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return fmt.Errorf("%s %s: %w", what, file, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s %s: %w", what, file, err)
	}
	return nil
}
