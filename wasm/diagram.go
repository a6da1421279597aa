package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"icmplab/codec/dissect"
)

// The header diagram for the page: the page sends the tree it shows (as
// lines, below) and the path of the selected node; dissect lays out the
// header that holds it and draws it as SVG and ASCII art. The page shows
// that SVG, so what is on screen, what is downloaded and what is copied come
// from one layout. The tree travels as text, not JSON, so the module needs
// no JSON decoder (encoding/json would add about 175 KB, see jsonenc.go).

// DiagramView is what the page gets (api.d.ts).
type DiagramView struct {
	Title string        `json:"title"`
	Path  []int         `json:"path"` // the header's node, from the roots
	Boxes []dissect.Box `json:"boxes"`
	Rows  int           `json:"rows"`
	Cut   bool          `json:"cut,omitempty"`
	// Legend is the abbreviations the SVG uses, [short, whole name].
	Legend [][2]string `json:"legend"`
	SVG    string      `json:"svg"`
	ASCII  string      `json:"ascii"`
}

// Limits on what the page may send: a frame's tree is at most a few
// thousand nodes (dissect bounds them); these are generous above that.
const (
	maxTreeText  = 8 << 20
	maxTreeNodes = 100_000
	maxTreeDepth = 64
)

var (
	errTree = errors.New("tree")
	errPath = errors.New("path")
)

// diagram lays out the header holding the node at path ("0.3.1", child
// indices from the roots) of tree, its drawings' words in l (the tree's
// labels and values are already in the page's language).
func diagram(tree, path string, l Lang) (DiagramView, error) {
	roots, err := parseTree(tree)
	if err != nil {
		return DiagramView{}, err
	}
	p, err := parsePath(path)
	if err != nil {
		return DiagramView{}, err
	}
	d, ok := dissect.DiagramAt(roots, p)
	if !ok {
		return DiagramView{}, fmt.Errorf("%w: no node at %q", errPath, path)
	}
	d.Lang = l.words()
	v := DiagramView{Title: d.Title, Path: d.Path, Boxes: d.Boxes, Rows: d.Rows, Cut: d.Cut,
		Legend: d.Legend(), SVG: d.SVG(), ASCII: d.ASCII()}
	if v.Boxes == nil {
		v.Boxes = []dissect.Box{}
	}
	if v.Legend == nil {
		v.Legend = [][2]string{}
	}
	return v, nil
}

func parsePath(s string) ([]int, error) {
	if s == "" {
		return nil, fmt.Errorf("%w: empty path", errPath)
	}
	parts := strings.Split(s, ".")
	if len(parts) > maxTreeDepth {
		return nil, fmt.Errorf("%w: path deeper than %d", errPath, maxTreeDepth)
	}
	out := make([]int, len(parts))
	for i, x := range parts {
		n, err := strconv.Atoi(x)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("%w: path %q: %q is not a child index", errPath, s, x)
		}
		out[i] = n
	}
	return out, nil
}

// parseTree reads the page's tree: one node a line, tab-separated
//
//	depth offset length mask source severity field label value
//
// in document order (a node's children follow it at depth+1), the numbers
// in decimal, severity the worst note's (0 note or none, 1 warning, 2
// error). Tabs and newlines in the texts are the page's to replace.
func parseTree(s string) ([]*dissect.Node, error) {
	if len(s) > maxTreeText {
		return nil, fmt.Errorf("%w: more than %d bytes", errTree, maxTreeText)
	}
	var roots []*dissect.Node
	var stack []*dissect.Node // the open node at each depth
	count := 0
	for ln, line := range strings.Split(s, "\n") {
		if line == "" {
			continue
		}
		if count++; count > maxTreeNodes {
			return nil, fmt.Errorf("%w: more than %d nodes", errTree, maxTreeNodes)
		}
		f := strings.SplitN(line, "\t", 9)
		if len(f) != 9 {
			return nil, fmt.Errorf("%w: line %d: %d columns, want 9", errTree, ln+1, len(f))
		}
		var num [6]int
		for i := range num {
			n, err := strconv.Atoi(f[i])
			if err != nil || n < 0 || i == 3 && n > 0xffffffff {
				return nil, fmt.Errorf("%w: line %d: column %d is %q, not a count", errTree, ln+1, i+1, f[i])
			}
			num[i] = n
		}
		depth := num[0]
		if depth > len(stack) || depth >= maxTreeDepth {
			return nil, fmt.Errorf("%w: line %d: depth %d under depth %d", errTree, ln+1, depth, len(stack)-1)
		}
		n := &dissect.Node{Offset: num[1], Length: num[2], Mask: uint32(num[3]), Source: num[4],
			Field: f[6], Label: f[7], Value: f[8]}
		if sev := num[5]; sev > 0 {
			n.Notes = []dissect.Note{{Severity: dissect.Severity(min(sev, int(dissect.SevError)))}}
		}
		stack = stack[:depth]
		if depth == 0 {
			roots = append(roots, n)
		} else {
			p := stack[depth-1]
			p.Kids = append(p.Kids, n)
		}
		stack = append(stack, n)
	}
	return roots, nil
}
