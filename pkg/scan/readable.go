package scan

import (
	"errors"
	"io/fs"
	"os"
)

// readable opens p and closes it again, so an input the user named that
// cannot be read (mode 000, a folder without read permission) stops the
// scan with an error that names the flag, before any check runs. A check
// that met it later would have to guess whether the user meant it.
func readable(p string) error {
	f, err := os.Open(p)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return pe.Err
		}
		return err
	}
	return f.Close()
}
