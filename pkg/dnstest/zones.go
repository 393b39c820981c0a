package dnstest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/miekg/dns"
)

// maxZoneRecords bounds the records one server loads.
const maxZoneRecords = 100000

// originLine finds a $ORIGIN directive in a zone file.
var originLine = regexp.MustCompile(`(?mi)^\$ORIGIN[ \t]+(\S+)`)

// store holds the records of every zone served, by owner name and type.
type store struct {
	// apexes are the zones' apex names, longest first.
	apexes []string
	// records maps an owner name to its records by type.
	records map[string]map[uint16][]dns.RR
	// exists holds every owner name and every empty non-terminal between
	// an owner and its zone's apex: names that answer NOERROR.
	exists map[string]bool
	// soa holds each apex's SOA record, for negative answers.
	soa map[string]dns.RR
}

// newStore returns an empty store.
func newStore() *store {
	return &store{records: map[string]map[uint16][]dns.RR{}, exists: map[string]bool{}, soa: map[string]dns.RR{}}
}

// loadFile adds the zone file at path.
func (s *store) loadFile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("reading zone file: %w", err)
	}
	origin := ""
	if m := originLine.FindSubmatch(data); m != nil {
		origin = string(m[1])
	}
	return s.load(string(data), origin, path)
}

// load adds the zone text, whose apex is origin unless an SOA record
// names another; file names it in errors.
func (s *store) load(text, origin, file string) error {
	zp := dns.NewZoneParser(strings.NewReader(text), dns.Fqdn(origin), file)
	zp.SetIncludeAllowed(false)
	var rrs []dns.RR
	apex := ""
	if origin != "" {
		apex = canonical(origin)
	}
	for rr, ok := zp.Next(); ok; rr, ok = zp.Next() {
		if len(rrs) == maxZoneRecords {
			return fmt.Errorf("%s: more than %d records", file, maxZoneRecords)
		}
		rr.Header().Name = canonical(rr.Header().Name)
		if soa, isSOA := rr.(*dns.SOA); isSOA {
			apex = soa.Hdr.Name
			s.soa[apex] = soa
		}
		rrs = append(rrs, rr)
	}
	if err := zp.Err(); err != nil {
		return fmt.Errorf("parsing zone: %w", err)
	}
	if apex == "" {
		return fmt.Errorf("%s: no SOA record and no $ORIGIN, so its apex is unknown", file)
	}
	s.addApex(apex)
	for _, rr := range rrs {
		name := rr.Header().Name
		if !dns.IsSubDomain(apex, name) {
			return fmt.Errorf("%s: %s is outside the zone %s", file, name, apex)
		}
		byType := s.records[name]
		if byType == nil {
			byType = map[uint16][]dns.RR{}
			s.records[name] = byType
		}
		byType[rr.Header().Rrtype] = append(byType[rr.Header().Rrtype], rr)
		s.markExists(name, apex)
	}
	return nil
}

// addApex records a zone apex, keeping the longest first so the closest
// zone is found first.
func (s *store) addApex(apex string) {
	for _, a := range s.apexes {
		if a == apex {
			return
		}
	}
	s.apexes = append(s.apexes, apex)
	sort.Slice(s.apexes, func(i, j int) bool { return len(s.apexes[i]) > len(s.apexes[j]) })
	s.exists[apex] = true
}

// markExists marks name and its ancestors up to apex as existing.
func (s *store) markExists(name, apex string) {
	labels := dns.SplitDomainName(name)
	for i := range labels {
		n := dns.Fqdn(strings.Join(labels[i:], "."))
		if !dns.IsSubDomain(apex, n) {
			return
		}
		s.exists[n] = true
	}
}

// zoneOf returns the apex of the closest zone holding name.
func (s *store) zoneOf(name string) (string, bool) {
	for _, a := range s.apexes {
		if dns.IsSubDomain(a, name) {
			return a, true
		}
	}
	return "", false
}

// canonical is the form names are stored and compared in.
func canonical(name string) string {
	return strings.ToLower(dns.Fqdn(name))
}

// nameSet turns a list of names into a set of canonical names.
func nameSet(names []string) map[string]bool {
	out := make(map[string]bool, len(names))
	for _, n := range names {
		out[canonical(n)] = true
	}
	return out
}

// ZoneFiles lists the *.zone files of dir, sorted: the test domains of a
// testdata folder, served together.
func ZoneFiles(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.zone"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no *.zone files in %s", dir)
	}
	return files, nil
}
