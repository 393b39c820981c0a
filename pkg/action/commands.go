package action

import (
	"fmt"
	"io"

	"github.com/sethvargo/go-githubactions"

	"github.com/launchgate/launchgate/pkg/redact"
)

// The workflow commands the entrypoint issues.
const (
	cmdError   = "error"
	cmdWarning = "warning"
	cmdNotice  = "notice"
	cmdMask    = "add-mask"
)

// commands writes workflow commands to the runner and counts them by type,
// because GitHub shows only the first few annotations of each type a step
// makes and the findings must not lose their place to chatter. It keeps
// the first write error instead of panicking the way the library's
// helpers do, so a closed stdout cannot crash the gate.
type commands struct {
	w    io.Writer
	used map[string]int
	err  error
	// redact takes secret values out of every message and property; only
	// add-mask carries its value as it is, since hiding it is its job.
	redact *redact.Redactor
}

func newCommands(w io.Writer) *commands {
	return &commands{w: w, used: map[string]int{}}
}

// issue writes one command; the library's Command escapes the message and
// the properties (":" and "," too) the way the runner's parser expects.
func (c *commands) issue(name string, props githubactions.CommandProperties, msg string) {
	if name != cmdMask {
		msg = c.redact.String(msg)
		for k, v := range props {
			props[k] = c.redact.String(v)
		}
	}
	cmd := githubactions.Command{Name: name, Message: msg, Properties: props}
	c.write(cmd.String())
	c.used[name]++
}

func (c *commands) notice(format string, a ...any) {
	c.issue(cmdNotice, nil, fmt.Sprintf(format, a...))
}

func (c *commands) warning(format string, a ...any) {
	c.issue(cmdWarning, nil, fmt.Sprintf(format, a...))
}

// mask tells the runner to hide value in every later line of the log.
func (c *commands) mask(value string) {
	if value != "" {
		c.issue(cmdMask, nil, value)
	}
}

// print writes a plain log line.
func (c *commands) print(line string) {
	c.write(c.redact.String(line))
}

func (c *commands) write(line string) {
	if c.err != nil {
		return
	}
	if _, err := io.WriteString(c.w, line+"\n"); err != nil {
		c.err = fmt.Errorf("writing to the runner's log: %w", err)
	}
}
