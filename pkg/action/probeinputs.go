package action

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/sethvargo/go-githubactions"

	"github.com/launchgate/launchgate/pkg/live"
)

// The defaults of the probe's inputs, those of `launchgate probe`.
const (
	defaultRate    = 10.0
	defaultTimeout = 5 * time.Minute
)

// ProbeInputs are the inputs only command: probe reads.
type ProbeInputs struct {
	// URL is the deployment's base URL (the probe's --url).
	URL string
	// AllowWrites lets the probe send POST, PUT, PATCH and DELETE, with
	// credentials a correct server refuses only.
	AllowWrites bool
	// MaxRequests caps the requests of the whole run.
	MaxRequests int
	// Rate is the most requests a second; 0 is unlimited.
	Rate float64
	// Timeout bounds the whole run.
	Timeout time.Duration
}

// readProbeInputs reads the probe's inputs; an empty one takes the
// command line's default. A url is required only when the probe runs
// (required), since the other commands do not read it.
func readProbeInputs(gh *githubactions.Action, required bool) (ProbeInputs, error) {
	p := ProbeInputs{
		URL:         gh.GetInput(inputURL),
		MaxRequests: live.DefaultMaxRequests,
		Rate:        defaultRate,
		Timeout:     defaultTimeout,
	}
	if required && p.URL == "" {
		return p, &InputError{Name: inputURL, Value: "",
			Want: "the deployment's base URL (https://staging.example.com), which command: probe needs"}
	}
	var err error
	if v := gh.GetInput(inputWrites); v != "" {
		if p.AllowWrites, err = parseBool(inputWrites, v); err != nil {
			return p, err
		}
	}
	if v := gh.GetInput(inputMaxReq); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return p, &InputError{Name: inputMaxReq, Value: v, Want: "a whole number of requests, at least 1 (default 2000)"}
		}
		p.MaxRequests = n
	}
	if v := gh.GetInput(inputRate); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 || math.IsNaN(f) || math.IsInf(f, 0) {
			return p, &InputError{Name: inputRate, Value: v, Want: "requests per second, a number of 0 or more (0: unlimited; default 10)"}
		}
		p.Rate = f
	}
	if v := gh.GetInput(inputTimeout); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return p, &InputError{Name: inputTimeout, Value: v, Want: "a positive duration such as 90s, 5m or 1h30m (default 5m)"}
		}
		p.Timeout = d
	}
	return p, nil
}

// ignored lists the inputs given that none of the commands reads: the
// scan's without a scan, the probe's without a probe, the DNS check's
// without it (the timeout bounds the probe and the DNS check alike).
func (in Inputs) ignored() []string {
	var out []string
	add := func(set bool, name string) {
		if set {
			out = append(out, name)
		}
	}
	p := in.Probe
	if !in.Runs("scan") {
		add(len(in.Artifacts) > 0, inputArtifacts)
		add(len(in.EnvFiles) > 0, inputEnvFiles)
		add(in.EnvFromProcess, inputEnvProc)
		add(in.OnlyNew != nil && *in.OnlyNew, inputOnlyNew)
	}
	if !in.Runs("probe") {
		add(p.URL != "", inputURL)
		add(p.AllowWrites, inputWrites)
		add(p.MaxRequests != live.DefaultMaxRequests, inputMaxReq)
		add(p.Rate != defaultRate, inputRate)
	}
	if !in.Runs("probe") && !in.Runs("dns") {
		add(p.Timeout != defaultTimeout, inputTimeout)
	}
	if !in.Runs("dns") {
		add(in.DNS.Domain != "" && !in.Runs("probe"), inputDomain)
		add(len(in.DNS.Selectors) > 0, inputSelectors)
		add(len(in.DNS.Resolvers) > 0, inputResolver)
	}
	return out
}

// noteIgnored says which inputs the command left unread, so that a
// setting in the wrong job is not silently without effect.
func (r *runner) noteIgnored() {
	if names := r.inputs.ignored(); len(names) > 0 {
		r.out.notice("command: %s does not read the inputs %s; they were ignored.", strings.Join(r.inputs.Commands, ","), strings.Join(names, ", "))
	}
}
