package trace

import (
	"net/netip"
	"strconv"
	"strings"

	"icmplab/codec"
)

// ExtObject is one extension object of an answer, decoded for display and
// JSON: an MPLS label stack, RFC 5837 interface information, or the raw
// class, C-Type and bytes of anything else.
type ExtObject struct {
	Class codec.ExtClass `json:"class"`
	CType uint8          `json:"ctype"`
	MPLS  []MPLSLabel    `json:"mpls,omitempty"`
	Iface *Interface     `json:"interface,omitempty"`
	Raw   []byte         `json:"raw,omitempty"`
	Err   string         `json:"error,omitempty"`
}

// MPLSLabel is one label stack entry (RFC 4950).
type MPLSLabel struct {
	Label uint32 `json:"label"`
	TC    uint8  `json:"tc"`
	S     bool   `json:"s"`
	TTL   uint8  `json:"ttl"`
}

// Interface is RFC 5837 interface information.
type Interface struct {
	Role  string     `json:"role"`
	Index *uint32    `json:"index,omitempty"`
	Addr  netip.Addr `json:"addr,omitzero"`
	Name  string     `json:"name,omitempty"`
	MTU   *uint32    `json:"mtu,omitempty"`
}

// roleNames are RFC 5837's interface roles.
var roleNames = map[codec.InterfaceRole]string{
	codec.RoleIncoming: "incoming",
	codec.RoleSubIP:    "sub-ip",
	codec.RoleOutgoing: "outgoing",
	codec.RoleNextHop:  "next-hop",
}

// decodeExt copies an extension structure's objects out of the packet
// buffer (which the reader reuses). A malformed object ends the list with an
// entry that says why.
func decodeExt(e codec.Extensions) []ExtObject {
	var out []ExtObject
	it := e.Objects()
	for it.Next() {
		o := it.Object()
		x := ExtObject{Class: o.Class, CType: o.CType}
		switch {
		case o.MPLSLen() > 0:
			for i := 0; i < o.MPLSLen(); i++ {
				m := o.MPLSEntry(i)
				x.MPLS = append(x.MPLS, MPLSLabel{Label: m.Label, TC: m.TC, S: m.S, TTL: m.TTL})
			}
		case o.Class == codec.ExtClassInterface:
			ii, err := o.InterfaceInfo()
			if err != nil {
				x.Err = err.Error()
				x.Raw = append([]byte(nil), o.Data...)
				break
			}
			itf := &Interface{Role: roleNames[ii.Role]}
			if ii.HasIndex {
				v := ii.Index
				itf.Index = &v
			}
			if ii.HasAddr {
				itf.Addr = ii.Addr
			}
			if ii.HasName {
				itf.Name = strings.Clone(ii.Name)
			}
			if ii.HasMTU {
				v := ii.MTU
				itf.MTU = &v
			}
			x.Iface = itf
		default:
			x.Raw = append([]byte(nil), o.Data...)
		}
		out = append(out, x)
	}
	if err := it.Err(); err != nil {
		out = append(out, ExtObject{Err: err.Error()})
	}
	return out
}

// formatExt renders objects the way traceroute -e does:
// MPLS:L=100,E=0,S=1,T=1/L=...;INC:... joined by ';'.
func formatExt(objs []ExtObject) string {
	var b strings.Builder
	for i, o := range objs {
		if i > 0 {
			b.WriteByte(';')
		}
		switch {
		case o.Err != "" && o.Class == 0:
			b.WriteString("ERR:" + o.Err)
		case len(o.MPLS) > 0:
			b.WriteString("MPLS:")
			for j, m := range o.MPLS {
				if j > 0 {
					b.WriteByte('/')
				}
				s := 0
				if m.S {
					s = 1
				}
				b.WriteString("L=" + u(uint64(m.Label)) + ",E=" + u(uint64(m.TC)) + ",S=" + strconv.Itoa(s) + ",T=" + u(uint64(m.TTL)))
			}
		case o.Iface != nil:
			f := o.Iface
			b.WriteString("IF:" + f.Role)
			if f.Index != nil {
				b.WriteString(",index=" + u(uint64(*f.Index)))
			}
			if f.Addr.IsValid() {
				b.WriteString(",addr=" + f.Addr.String())
			}
			if f.Name != "" {
				b.WriteString(",name=" + strconv.Quote(f.Name))
			}
			if f.MTU != nil {
				b.WriteString(",mtu=" + u(uint64(*f.MTU)))
			}
		default:
			b.WriteString(u(uint64(o.Class)) + "/" + u(uint64(o.CType)) + ":")
			for j := 0; j < len(o.Raw); j += 4 {
				if j > 0 {
					b.WriteByte(',')
				}
				end := min(j+4, len(o.Raw))
				for _, c := range o.Raw[j:end] {
					b.WriteString(hex2(c))
				}
			}
		}
	}
	return b.String()
}

func u(v uint64) string { return strconv.FormatUint(v, 10) }

func hex2(c byte) string { return string(codec.AppendHex(nil, uint64(c), 2)) }

// layoutTag is the short name of where the extension structure was found.
func layoutTag(l codec.ExtLayout) string {
	switch l {
	case codec.ExtRFC4884:
		return "rfc4884"
	case codec.ExtLegacy:
		return "legacy-128"
	}
	return ""
}

// FormatExt writes extension objects as -e prints them
// ("MPLS:L=16001,E=0,S=1,T=254", "IF:incoming,index=7,..."), for views
// outside this package.
func FormatExt(objs []ExtObject) string { return formatExt(objs) }
