package dissect

import (
	"time"

	"icmplab/codec"
)

// Record is the JSON form of a frame, one per line in `icmplab decode
// --format jsonl`. Its field names and meanings are a stable interface:
// fields may be added, never renamed or removed.
type Record struct {
	Frame  int         `json:"frame"`  // 1-based frame number
	Time   *string     `json:"time"`   // RFC 3339 with nanoseconds, null when unknown
	Len    int         `json:"len"`    // length on the wire
	CapLen int         `json:"caplen"` // bytes captured
	Layers []string    `json:"layers"` // protocol short names, outermost first
	Errors []RecordErr `json:"errors"` // where the frame is malformed
	ICMP   *RecordICMP `json:"icmp"`   // the outermost ICMP message, null when none
}

// RecordErr is one error: the absolute byte offset and what is wrong there.
// Source, when present, says the offset counts in a reassembled datagram
// (1-based), not in the frame.
type RecordErr struct {
	Offset  int    `json:"offset"`
	Message string `json:"message"`
	Source  int    `json:"source,omitempty"`
}

// RecordICMP describes the outermost ICMP message.
type RecordICMP struct {
	Family     int           `json:"family"` // 4 or 6
	Src        *string       `json:"src"`    // IP source, null without IP header
	Dst        *string       `json:"dst"`
	Type       int           `json:"type"`
	Code       int           `json:"code"`
	TypeName   string        `json:"type_name"`
	CodeName   string        `json:"code_name"`            // "" when the registry names no code
	ChecksumOK *bool         `json:"checksum_ok"`          // null when unverifiable
	ID         *int          `json:"id,omitempty"`         // messages with identifier/sequence only
	Seq        *int          `json:"seq,omitempty"`        //
	MTU        *int          `json:"mtu,omitempty"`        // fragmentation needed, packet too big
	Pointer    *int          `json:"pointer,omitempty"`    // parameter problem
	Gateway    *string       `json:"gateway,omitempty"`    // redirect
	Target     *string       `json:"target,omitempty"`     // neighbour solicitation, advertisement, ICMPv6 redirect
	Quoted     *RecordQuoted `json:"quoted,omitempty"`     // errors: the datagram they quote
	Extensions []RecordExt   `json:"extensions,omitempty"` // RFC 4884 objects
	Layout     string        `json:"layout,omitempty"`     // "rfc4884" or "legacy" when extensions were found
	Sentence   string        `json:"sentence,omitempty"`   // plain-words meaning of an error
}

// RecordQuoted is the flow of a quoted datagram. Ports are null when the
// quote ends before them or the protocol has none.
type RecordQuoted struct {
	Family int    `json:"family"`
	Src    string `json:"src"`
	Dst    string `json:"dst"`
	Proto  int    `json:"proto"`
	Sport  *int   `json:"sport"`
	Dport  *int   `json:"dport"`
	TTL    int    `json:"ttl"`
	// ICMP quoted: its type and, for echo, id and seq.
	ICMPType *int `json:"icmp_type,omitempty"`
	ID       *int `json:"id,omitempty"`
	Seq      *int `json:"seq,omitempty"`
}

// RecordExt is one extension object.
type RecordExt struct {
	Class   int          `json:"class"`
	CType   int          `json:"ctype"`
	Entries []RecordMPLS `json:"entries,omitempty"`   // MPLS label stack (class 1)
	Iface   *RecordIface `json:"interface,omitempty"` // interface information (class 2)
	Ident   *RecordIdent `json:"ident,omitempty"`     // interface identification (class 3)
}

// RecordMPLS is one MPLS label stack entry.
type RecordMPLS struct {
	Label uint32 `json:"label"`
	Exp   uint8  `json:"exp"`
	S     bool   `json:"s"`
	TTL   uint8  `json:"ttl"`
}

// RecordIface is an RFC 5837 interface information object.
type RecordIface struct {
	Role  string  `json:"role"`
	Index *uint32 `json:"ifindex,omitempty"`
	Addr  *string `json:"addr,omitempty"`
	Name  *string `json:"name,omitempty"`
	MTU   *uint32 `json:"mtu,omitempty"`
}

// RecordIdent is an RFC 8335 interface identification object.
type RecordIdent struct {
	Name  *string `json:"name,omitempty"`
	Index *uint32 `json:"ifindex,omitempty"`
	Addr  *string `json:"addr,omitempty"`
}

func ptr[T any](v T) *T { return &v }

// Record builds the JSON record of the frame.
func (f *Frame) Record() Record {
	r := Record{Frame: f.Number, Len: f.Len, CapLen: f.CapLen, Layers: f.Layers, Errors: []RecordErr{}}
	if r.Layers == nil {
		r.Layers = []string{}
	}
	if !f.Time.IsZero() {
		r.Time = ptr(f.Time.UTC().Format(time.RFC3339Nano))
	}
	for _, e := range f.Errors {
		r.Errors = append(r.Errors, RecordErr{Offset: e.Offset, Message: e.Message, Source: e.Source})
	}
	if i := f.ICMP; i != nil {
		r.ICMP = i.record()
	}
	return r
}

func (i *ICMPInfo) record() *RecordICMP {
	x := &RecordICMP{
		Family: int(i.Family), Type: int(i.Type), Code: int(i.Code),
		TypeName: i.TypeName, CodeName: i.CodeName, Sentence: i.Sentence,
	}
	if i.Src.IsValid() {
		x.Src, x.Dst = ptr(i.Src.String()), ptr(i.Dst.String())
	}
	switch i.Checksum.Status {
	case codec.ChecksumGood:
		x.ChecksumOK = ptr(true)
	case codec.ChecksumBad:
		x.ChecksumOK = ptr(false)
	}
	if i.HasID {
		x.ID, x.Seq = ptr(int(i.ID)), ptr(int(i.Seq))
	}
	isErr := i.Message.IsError()
	if isErr && i.MTU != 0 {
		x.MTU = ptr(int(i.MTU))
	}
	if isErr && (i.Family == icmpV4 && i.Type == codec.ICMPv4ParameterProblem || i.Family == icmpV6 && i.Type == codec.ICMPv6ParameterProblem) {
		x.Pointer = ptr(int(i.Pointer))
	}
	if i.Gateway.IsValid() {
		x.Gateway = ptr(i.Gateway.String())
	}
	if i.Target.IsValid() {
		x.Target = ptr(i.Target.String())
	}
	if q := i.Quoted; q != nil {
		rq := &RecordQuoted{Family: int(q.Family), Proto: int(q.Proto), TTL: int(q.TTL)}
		if q.Src.IsValid() {
			rq.Src, rq.Dst = q.Src.String(), q.Dst.String()
		}
		switch q.Proto {
		case codec.ProtoUDP, codec.ProtoTCP:
			if q.Complete || q.DstPort != 0 || q.SrcPort != 0 {
				rq.Sport, rq.Dport = ptr(int(q.SrcPort)), ptr(int(q.DstPort))
			}
		case codec.ProtoICMP, codec.ProtoICMPv6:
			if q.Complete {
				rq.ICMPType, rq.ID, rq.Seq = ptr(int(q.ICMPType)), ptr(int(q.ID)), ptr(int(q.Seq))
			}
		}
		x.Quoted = rq
	}
	for _, e := range i.Extensions {
		re := RecordExt{Class: int(e.Class), CType: int(e.CType)}
		for _, m := range e.MPLS {
			re.Entries = append(re.Entries, RecordMPLS(m))
		}
		if ii := e.Interface; ii != nil {
			ri := &RecordIface{Role: roleName(ii.Role)}
			if ii.HasIndex {
				ri.Index = ptr(ii.Index)
			}
			if ii.HasAddr {
				ri.Addr = ptr(ii.Addr.String())
			}
			if ii.HasName {
				ri.Name = ptr(ii.Name)
			}
			if ii.HasMTU {
				ri.MTU = ptr(ii.MTU)
			}
			re.Iface = ri
		}
		if id := e.Ident; id != nil {
			ri := &RecordIdent{}
			switch e.CType {
			case codec.IdentByName:
				ri.Name = ptr(id.Name)
			case codec.IdentByIndex:
				ri.Index = ptr(id.Index)
			case codec.IdentByAddress:
				ri.Addr = ptr(id.Addr.String())
			}
			re.Ident = ri
		}
		x.Extensions = append(x.Extensions, re)
	}
	switch i.Layout {
	case codec.ExtRFC4884:
		x.Layout = "rfc4884"
	case codec.ExtLegacy:
		x.Layout = "legacy"
	}
	return x
}
