package debug

import (
	ahocorasick "github.com/BobuSumisu/aho-corasick"
)

// litIndex finds where the literals of a set of rules occur in a file in
// one pass over it, where a search per literal would read the file once
// for each of them: a rule set holds dozens of literals, and the common
// first bytes of words make each search stop often.
type litIndex struct {
	trie *ahocorasick.Trie
	n    int // distinct literals
}

// indexLiterals builds the index of the literals of rules and gives each
// rule its literals' ids in it. Rules without literals are left alone.
func indexLiterals(rules []*lineRule) *litIndex {
	ids := map[string]int{}
	var lits []string
	for _, r := range rules {
		r.litIDs = r.litIDs[:0]
		for _, l := range r.literals {
			id, ok := ids[string(l)]
			if !ok {
				id = len(lits)
				ids[string(l)] = id
				lits = append(lits, string(l))
			}
			r.litIDs = append(r.litIDs, id)
		}
	}
	x := &litIndex{trie: ahocorasick.NewTrieBuilder().AddStrings(lits).Build(), n: len(lits)}
	for _, r := range rules {
		if r.literals != nil {
			r.index = x
		}
	}
	return x
}

// find returns, per literal id, the offsets in lower where the literal
// starts, ascending; overlapping occurrences are all there.
func (x *litIndex) find(lower []byte) [][]int {
	at := make([][]int, x.n)
	x.trie.Walk(lower, func(end, n, pattern int64) bool {
		at[pattern] = append(at[pattern], int(end-n+1))
		return true
	})
	return at
}
