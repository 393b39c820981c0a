package probeauth

import (
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/spec"
)

// op is one spec operation as the probe sees it.
type op struct {
	doc *spec.Document
	o   *spec.Operation
	// prefix is the server path the spec's paths sit under ("/v1"), when
	// --url gives none of its own.
	prefix string
	// secured says the operation's effective security requires
	// credentials and nothing declares it public.
	secured bool
	// public is why it is public ("" when it is not).
	public string
	admin  bool
	// basic says one of its security alternatives takes HTTP Basic.
	basic bool
	// pathParams are its path parameters' names, in template order.
	pathParams []string
}

// key is "METHOD /path".
func (p *op) key() string { return p.o.Key() }

// object reports whether the operation addresses one object or a
// tenant's data: a path parameter in its template.
func (p *op) object() bool { return len(p.pathParams) > 0 }

// list reports whether it reads a collection: a GET without path
// parameters.
func (p *op) list() bool { return p.o.Method == "GET" && len(p.pathParams) == 0 }

// collection is the path segment before the last parameter
// ("/invoices/{invoiceId}" gives "invoices").
func (p *op) collection() string {
	segs := strings.Split(strings.Trim(p.o.Path, "/"), "/")
	for i := len(segs) - 1; i > 0; i-- {
		if strings.HasPrefix(segs[i], "{") && !strings.HasPrefix(segs[i-1], "{") {
			return segs[i-1]
		}
	}
	return ""
}

// collectOps reads the operations of the live target's documents, each
// under the path its spec sits at (check.Live.SpecPrefix).
func collectOps(lt *check.Live, cfg *config.Config) []*op {
	var out []*op
	for _, d := range lt.Docs {
		prefix := lt.SpecPrefix(d)
		for _, o := range d.Operations {
			p := &op{doc: d, o: o, prefix: prefix, pathParams: templateParams(o.Path)}
			sec := o.Effective(d)
			p.secured = !sec.Disabled()
			if r, ok := cfg.PublicRoute(o.Method, o.Path); ok {
				p.public = "public in .launchgate.yml: " + r.Reason
			} else if v, ok := o.Extensions["x-launchgate-public"]; ok && v != nil && v != false {
				p.public = "declared public in the spec (x-launchgate-public)"
			} else if !p.secured {
				p.public = "the spec lets anonymous callers through"
			}
			if p.public != "" {
				p.secured = false
			}
			p.admin = cfg.IsAdminPath(o.Path, o.Tags)
			p.basic = takesBasic(d, sec)
			out = append(out, p)
		}
	}
	return out
}

// templateParams lists the {names} of a path template.
func templateParams(path string) []string {
	var out []string
	for {
		i := strings.IndexByte(path, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(path[i:], '}')
		if j < 0 {
			return out
		}
		out = append(out, path[i+1:i+j])
		path = path[i+j+1:]
	}
}

// takesBasic reports whether one of sec's alternatives uses an HTTP Basic
// scheme of d.
func takesBasic(d *spec.Document, sec *spec.Security) bool {
	if sec == nil {
		return false
	}
	for _, r := range sec.Requirements {
		for _, u := range r.Schemes {
			if s := d.Schemes[u.Name]; s != nil && s.Type == "http" && s.Scheme == "basic" {
				return true
			}
		}
	}
	return false
}
