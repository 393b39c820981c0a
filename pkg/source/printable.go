package source

// minRun is the shortest run of printable bytes kept from binary data, as
// `strings -n 8` keeps: shorter runs are mostly chance bytes of compressed
// or pixel data, and every provider-format key is longer.
const minRun = 8

// runCollector gathers the runs of printable ASCII in binary data, one per
// line, as it is written: a compiled program, a font or an image that
// carries a key in plain ASCII (a ghp_… token baked into a binary, an
// AKIA… ID in a build cache) then still shows it to the secrets engine.
type runCollector struct {
	out []byte
	// run is how many bytes the run at the end of out has so far.
	run int
}

// Write adds p; it never fails, so it can end an io.Copy.
func (c *runCollector) Write(p []byte) (int, error) {
	for _, b := range p {
		if b >= 0x20 && b < 0x7f || b == '\t' {
			c.out = append(c.out, b)
			c.run++
			continue
		}
		c.end()
	}
	return len(p), nil
}

// end closes the run in progress: kept with a line break when long
// enough, dropped otherwise.
func (c *runCollector) end() {
	if c.run >= minRun {
		c.out = append(c.out, '\n')
	} else {
		c.out = c.out[:len(c.out)-c.run]
	}
	c.run = 0
}

// bytes returns the runs collected, each ended by a line break.
func (c *runCollector) bytes() []byte {
	c.end()
	return c.out
}

// PrintableRuns returns the runs of at least 8 printable ASCII bytes
// (and tabs) in data, one per line, like `strings -n 8`: the text a binary
// file carries, for a search of provider-format keys. Line numbers in the
// result do not point into data.
func PrintableRuns(data []byte) []byte {
	var c runCollector
	c.Write(data)
	return c.bytes()
}
