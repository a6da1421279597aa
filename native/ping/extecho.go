package ping

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"icmplab/codec"
)

// ProbeQuery is what an RFC 8335 PROBE asks the target about: one of its
// interfaces, by name, index or address.
type ProbeQuery struct {
	Arg   string // as typed
	Ident codec.InterfaceIdent
}

// ParseProbeQuery reads --probe's argument: a decimal number is an
// interface index, an IP address names the interface that holds it, and
// anything else is an interface name.
func ParseProbeQuery(arg string) (*ProbeQuery, error) {
	if arg == "" {
		return nil, fmt.Errorf("--probe needs an interface name, index or address")
	}
	q := &ProbeQuery{Arg: arg}
	if n, err := strconv.ParseUint(arg, 10, 32); err == nil {
		q.Ident.Index = uint32(n) // no name, no address: codec encodes the index form
		return q, nil
	}
	if a, err := netip.ParseAddr(arg); err == nil {
		q.Ident.Addr = a.Unmap()
		return q, nil
	}
	if len(arg) > 255 || strings.ContainsRune(arg, 0) {
		return nil, fmt.Errorf("--probe %q: not an interface name", arg)
	}
	q.Ident.Name = arg
	return q, nil
}

// request builds the extended echo request body. The L bit is set: the
// interface asked about is on the target itself, the only kind Linux
// answers for.
func (q *ProbeQuery) request(id uint16, seq uint8) codec.ExtendedEchoRequest {
	obj := codec.AppendInterfaceIdentObject(nil, q.Ident)
	return codec.ExtendedEchoRequest{ID: id, Seq: seq, Local: true, Ext: codec.NewExtensions(nil, obj)}
}

// Describe is "interface eth0" as the reply lines show it.
func (q *ProbeQuery) Describe() string {
	switch {
	case q.Ident.Name != "":
		return "interface " + q.Ident.Name
	case q.Ident.Addr.IsValid():
		return "interface with address " + q.Ident.Addr.String()
	}
	return "interface index " + strconv.FormatUint(uint64(q.Ident.Index), 10)
}

// ProbeResult is what an extended echo reply says.
type ProbeResult struct {
	Family           codec.Family
	Code             codec.Code // 0: no error; the registry names the others
	Active           bool
	IPv4, IPv6       bool
	State            uint8 // neighbour state, for proxied interfaces
	ReplyID, ReplySq uint16
}

// OK reports whether the target understood the query and found the interface.
func (r ProbeResult) OK() bool { return r.Code == 0 }

// CodeName is the registry's name of the reply code ("No Such Interface").
func (r ProbeResult) CodeName() string {
	t := codec.ICMPv4ExtendedEchoReply
	if r.Family == codec.IPv6 {
		t = codec.ICMPv6ExtendedEchoReply
	}
	return codec.CodeName(r.Family, t, r.Code)
}

// Describe is "active, IPv4, IPv6", "inactive", or the code's name.
func (r ProbeResult) Describe() string {
	if !r.OK() {
		return r.CodeName()
	}
	parts := []string{"inactive"}
	if r.Active {
		parts[0] = "active"
	}
	if r.IPv4 {
		parts = append(parts, "IPv4")
	}
	if r.IPv6 {
		parts = append(parts, "IPv6")
	}
	return strings.Join(parts, ", ")
}
