package spf

// The limits RFC 7208 sets and the bounds this package keeps to, so that a
// hostile zone cannot make parsing or evaluation unbounded.
const (
	// MaxLookups is the number of DNS-querying terms (include, a, mx, ptr,
	// exists, redirect) an evaluation may use (RFC 7208 §4.6.4).
	MaxLookups = 10
	// MaxVoidLookups is the number of lookups that may return no answer
	// (RFC 7208 §4.6.4).
	MaxVoidLookups = 2
	// MaxMXNames is the number of exchange names one mx term may yield
	// before receivers give a permanent error (RFC 7208 §4.6.4).
	MaxMXNames = 10
	// MaxDepth is how deep includes and redirects are followed.
	MaxDepth = 10
	// MaxRecordLen is the longest record text Parse accepts, in bytes.
	MaxRecordLen = 4096
	// MaxTerms is the most terms Parse accepts in one record.
	MaxTerms = 64
	// DefaultMaxQueries is the hard cap on DNS queries of one evaluation
	// when Options.MaxQueries is zero.
	DefaultMaxQueries = 40
	// maxRecordsKept bounds Result.Records when a zone publishes many
	// v=spf1 records.
	maxRecordsKept = 16
)
