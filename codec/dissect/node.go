// Package dissect turns captured bytes into a tree of named fields with exact
// byte (and bit) ranges, from the link layer down to the datagram an ICMP
// error quotes. It is what `icmplab decode` prints and what the browser
// workbench draws; both only walk the tree, neither knows a protocol. It
// also guesses where pasted bytes start (GuessWhy) and works a frame's
// checksums out (WorkedChecksums). It imports codec, whose numbers, names and
// checksum it uses, and its explain subpackage; never textdump, os or net.
package dissect

// Severity of a note attached to a node, as Wireshark's expert info.
type Severity uint8

const (
	SevNote Severity = iota
	SevWarning
	SevError
)

func (s Severity) String() string {
	switch s {
	case SevWarning:
		return "warning"
	case SevError:
		return "error"
	}
	return "note"
}

// Note is a remark on a node: a bad checksum, a truncation, a non-compliant
// layout.
type Note struct {
	Severity Severity `json:"severity"`
	// Kind says what the note is about in any language (NoteKinds); added
	// after the first contract.
	Kind    NoteKind `json:"kind,omitempty"`
	Offset  int      `json:"offset"`  // absolute byte offset in the frame
	Message string   `json:"message"` // in the dissection's language (Options.Lang)
	// Source is the buffer Offset counts in, as Node.Source (added after
	// the first contract; 0 is the frame).
	Source int `json:"source,omitempty"`
}

// Node is one field or header in the tree. Offset and Length are absolute in
// the frame's bytes; Mask, when non-zero, selects the bits of a sub-byte field
// within those bytes (big-endian over Length bytes, e.g. IHL is Offset 14,
// Length 1, Mask 0x0f).
type Node struct {
	Label   string  `json:"label"`           // "Type", "Internet Protocol Version 4", ...
	Value   string  `json:"value,omitempty"` // display value, "8 (Echo Request)"
	Field   string  `json:"field,omitempty"` // stable field id, "icmp.type", "ip.ttl" (Wireshark-like)
	Offset  int     `json:"offset"`
	Length  int     `json:"length"`
	Mask    uint32  `json:"mask,omitempty"`
	Explain string  `json:"explain,omitempty"` // key into the explanation catalogue (see Explanations)
	Notes   []Note  `json:"notes,omitempty"`
	Kids    []*Node `json:"children,omitempty"`
	// Source says which bytes Offset counts in: 0 the frame's own bytes,
	// i (1-based) the Frame.Sources[i-1] buffer, such as a datagram
	// reassembled from fragments. Added after the first contract; zero keeps
	// the original meaning.
	Source int `json:"source,omitempty"`
}
