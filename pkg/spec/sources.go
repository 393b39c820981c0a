package spec

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// DefaultMaxBytes is the largest file Load reads when Options.MaxBytes is
// zero. Loading with locations costs about 60 bytes of memory per byte of
// YAML: 32 MiB keeps a load under 2 GB, where a generated 50 MB document
// needs nearly 3 GB and 40 seconds.
const DefaultMaxBytes = 32 << 20

// totalFactor bounds the bytes one Load reads across all the files its
// $refs pull in, as a multiple of the per-file limit.
const totalFactor = 2

// sources reads the files of one Load through its ReadFunc, enforcing the
// size limits, and keeps what the fallback parser made of each file.
type sources struct {
	ctx      context.Context
	read     ReadFunc
	maxBytes int64
	total    int64
	// lastRead is the most recent file the strict loader asked for: it
	// parses each file right after reading it, so a parse error with no
	// file name belongs to this one.
	lastRead string
	// failed remembers why a file could not be read, by name.
	failed map[string]error
	// counted are the files already charged to total: the fallback reads
	// again what the strict loader read, and pays once.
	counted map[string]bool
	// trees are the files the fallback parsed, nil where parsing failed.
	trees map[string]*yaml.Node
	// formats are the formats of the files read (see formatOf), by name.
	formats map[string]string
}

func newSources(ctx context.Context, read ReadFunc, maxBytes int64) *sources {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	return &sources{ctx: ctx, read: read, maxBytes: maxBytes, failed: map[string]error{}, counted: map[string]bool{}, trees: map[string]*yaml.Node{},
		formats: map[string]string{}}
}

// readFile reads name, refusing it past the size limits.
func (s *sources) readFile(name string) ([]byte, error) {
	if err := s.ctx.Err(); err != nil {
		return nil, err
	}
	rel, err := cleanRel(name)
	if err != nil {
		s.failed[name] = err
		return nil, err
	}
	data, err := s.read(rel)
	if err == nil {
		switch n := int64(len(data)); {
		case n > s.maxBytes:
			err = fmt.Errorf("%s: %w: %d bytes, over the %d-byte limit", rel, ErrTooLarge, n, s.maxBytes)
		case s.counted[rel]:
		case s.total+n > totalFactor*s.maxBytes:
			err = fmt.Errorf("%s: %w: the document and its $refs pass %d bytes together", rel, ErrTooLarge, totalFactor*s.maxBytes)
		default:
			s.total += n
			s.counted[rel] = true
			s.formats[rel] = formatOf(rel, data)
		}
	}
	if err != nil {
		s.failed[rel] = err
		return nil, err
	}
	return data, nil
}

// format is the format of the file name, read earlier; a file never read
// is named by its extension alone.
func (s *sources) format(name string) string {
	if f, ok := s.formats[name]; ok {
		return f
	}
	return formatOf(name, nil)
}

// kinReader is the strict loader's only way to files: through the ReadFunc,
// never the network, never outside the root.
func (s *sources) kinReader(_ *openapi3.Loader, u *url.URL) ([]byte, error) {
	if u.Scheme != "" || u.Host != "" {
		err := fmt.Errorf("%s: %w", u.Redacted(), errRemote)
		s.failed[u.Redacted()] = err
		return nil, err
	}
	s.lastRead = u.Path
	return s.readFile(u.Path)
}

// errRemote refuses a $ref to another host: a gate must not fetch URLs a
// document under review names.
var errRemote = errors.New("remote $ref not followed: launchgate reads only files under the scan root")

// tree returns the fallback parse of name, reading it on first use. A
// failure is reported once, at the $ref that led here.
func (s *sources) tree(name string, ps *problems, from Location, ref string) *yaml.Node {
	if t, ok := s.trees[name]; ok {
		return t
	}
	s.trees[name] = nil
	data, err := s.readFile(name)
	if err != nil {
		ps.add(from, ref, "%s", readProblem(ref, name, err))
		return nil
	}
	root, line, _, err := parseLenient(data)
	if err != nil {
		l, c := errorPosition(err.Error())
		ps.add(Location{File: name, Line: l, Column: c}, ref, "%s (in the file $ref %q points to)", cleanParserError(err.Error(), formatOf(name, data)), ref)
		return nil
	}
	if line > 0 {
		ps.add(Location{File: name, Line: line}, "", "control character in the document: it was read as a space")
	}
	s.trees[name] = root
	return root
}

// readProblem words a failure to read the file a $ref names.
func readProblem(ref, name string, err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("$ref %q: file %s not found", ref, name)
	case errors.Is(err, ErrOutsideRoot):
		return fmt.Sprintf("$ref %q: refusing to read outside the scan root", ref)
	case errors.Is(err, errRemote):
		return fmt.Sprintf("$ref %q: remote references are not followed", ref)
	case errors.Is(err, ErrTooLarge):
		return fmt.Sprintf("$ref %q: %v", ref, err)
	}
	return fmt.Sprintf("$ref %q: cannot read %s: %v", ref, name, err)
}

// originFile turns the file kin-openapi stamps into origins (the URL it
// was loaded from) back into our relative path.
func originFile(s string) string {
	if !strings.ContainsAny(s, "%:") {
		return strings.TrimPrefix(s, "./")
	}
	if u, err := url.Parse(s); err == nil && u.Scheme == "" {
		return strings.TrimPrefix(path.Clean(u.Path), "./")
	}
	return s
}
