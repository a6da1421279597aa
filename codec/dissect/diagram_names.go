package dissect

import (
	"strings"
	"unicode"
)

// shortNames are the abbreviations a header diagram uses when a field's
// name does not fit its box, by field id: the ones RFCs and textbooks use
// (IHL, DF, TTL), so a student meets the same letters in the RFC. A field
// not listed is abbreviated by its initials (abbreviate). The diagram's
// legend and tooltip always give the whole name.
var shortNames = map[string]string{
	// Ethernet, VLAN
	"eth.dst": "Dst MAC", "eth.src": "Src MAC", "eth.type": "EtherType",
	"vlan.priority": "PCP", "vlan.dei": "DEI", "vlan.id": "VID",
	// IPv4 (RFC 791, RFC 2474, RFC 3168)
	"ip.version": "Ver", "ip.hdr_len": "IHL", "ip.dsfield": "DS", "ip.dsfield.dscp": "DSCP",
	"ip.dsfield.ecn": "ECN", "ip.len": "Total Len", "ip.id": "Ident", "ip.flags": "Flags",
	"ip.flags.rb": "R", "ip.flags.df": "DF", "ip.flags.mf": "MF", "ip.frag_offset": "Frag Off",
	"ip.ttl": "TTL", "ip.proto": "Proto", "ip.checksum": "Hdr Cksum", "ip.src": "Src Addr",
	"ip.dst": "Dst Addr", "ip.options": "Options",
	"ip.opt.type.copy": "C", "ip.opt.type.class": "Cl", "ip.opt.type.number": "Num",
	"ip.opt.len": "Len", "ip.opt.ptr": "Ptr", "ip.opt.ovflw": "Oflw", "ip.opt.flag": "Flg",
	"ip.opt.time_stamp": "Timestamp", "ip.opt.ra": "Value",
	// IPv6 (RFC 8200) and its extension headers
	"ipv6.version": "Ver", "ipv6.tclass": "TC", "ipv6.tclass.dscp": "DSCP", "ipv6.tclass.ecn": "ECN",
	"ipv6.flow": "Flow", "ipv6.plen": "Payload Len", "ipv6.nxt": "Next Hdr", "ipv6.hlim": "Hop Lim",
	"ipv6.hopopts.nxt": "Next Hdr", "ipv6.hopopts.len": "Len", "ipv6.dstopts.nxt": "Next Hdr",
	"ipv6.dstopts.len": "Len", "ipv6.hopopts.opt.type": "Type", "ipv6.hopopts.opt.length": "Len",
	"ipv6.dstopts.opt.type": "Type", "ipv6.dstopts.opt.length": "Len",
	"ipv6.fraghdr.nxt": "Next Hdr", "ipv6.fraghdr.reserved_octet": "Rsvd", "ipv6.fraghdr.offset": "Frag Off",
	"ipv6.fraghdr.reserved_bits": "Res", "ipv6.fraghdr.more": "M", "ipv6.fraghdr.ident": "Ident",
	"ipv6.routing.nxt": "Next Hdr", "ipv6.routing.len": "Len", "ipv6.routing.type": "Type",
	"ipv6.routing.segleft": "Seg Left",
	// ICMP and ICMPv6 (RFC 792, RFC 4443, RFC 4884, RFC 4950, RFC 8335)
	"icmp.type": "Type", "icmp.code": "Code", "icmp.checksum": "Cksum", "icmp.ident": "Ident",
	"icmp.seq": "Seq", "icmp.unused": "Unused", "icmp.length": "Length", "icmp.mtu": "MTU",
	"icmp.pointer": "Ptr", "icmp.quote": "Quote", "icmp.reserved": "Rsvd",
	"icmp.ext.version": "Ver", "icmp.ext.res": "Reserved", "icmp.ext.checksum": "Cksum",
	"icmp.ext.length": "Length", "icmp.ext.class": "Class", "icmp.ext.ctype": "C-Type",
	"icmp.mpls.label": "Label", "icmp.mpls.exp": "TC", "icmp.mpls.s": "S", "icmp.mpls.ttl": "TTL",
	"icmp.ext.ident.afi": "AFI", "icmp.ext.ident.addrlen": "Addr Len", "icmp.ext.ident.reserved": "Rsvd",
	"icmp.int_info.role": "Role", "icmp.int_info.reserved": "Rsvd", "icmp.int_info.ifindex": "I",
	"icmp.int_info.ipaddr": "A", "icmp.int_info.name": "N", "icmp.int_info.mtu": "M",
	"icmp.ext.echo.id": "Ident", "icmp.ext.echo.seq": "Seq", "icmp.ext.echo.req.local": "L",
	"icmp.ext.echo.rsp.state": "State", "icmp.ext.echo.rsp.active": "A", "icmp.ext.echo.rsp.ipv4": "4",
	"icmp.ext.echo.rsp.ipv6": "6",
	"icmpv6.ext.echo.id":     "Ident", "icmpv6.ext.echo.seq": "Seq", "icmpv6.ext.echo.req.local": "L",
	"icmpv6.ext.echo.rsp.state": "State", "icmpv6.ext.echo.rsp.active": "A", "icmpv6.ext.echo.rsp.ipv4": "4",
	"icmpv6.ext.echo.rsp.ipv6": "6",
	"icmp.originate_timestamp": "Originate", "icmp.receive_timestamp": "Receive",
	"icmp.transmit_timestamp": "Transmit",
	"icmpv6.type":             "Type", "icmpv6.code": "Code", "icmpv6.checksum": "Cksum",
	"icmpv6.echo.identifier": "Ident", "icmpv6.echo.sequence_number": "Seq",
	"icmpv6.nd.ra.cur_hop_limit": "Cur Hop Lim", "icmpv6.nd.ra.flag.m": "M", "icmpv6.nd.ra.flag.o": "O",
	"icmpv6.nd.ra.flag.h": "H", "icmpv6.nd.ra.flag.prf": "Prf", "icmpv6.nd.ra.flag.p": "P",
	"icmpv6.nd.ra.flag.rsv": "Rsvd", "icmpv6.nd.ra.router_lifetime": "Router Lifetime",
	"icmpv6.nd.ra.reachable_time": "Reachable Time", "icmpv6.nd.ra.retrans_timer": "Retrans Timer",
	"icmpv6.nd.na.flag.r": "R", "icmpv6.nd.na.flag.s": "S", "icmpv6.nd.na.flag.o": "O",
	"icmpv6.nd.na.flag.rsv": "Reserved",
	"icmpv6.opt.type":       "Type", "icmpv6.opt.length": "Length", "icmpv6.opt.reserved": "Rsvd",
	"icmpv6.opt.prefix.length": "Prefix Len", "icmpv6.opt.prefix.flag.l": "L",
	"icmpv6.opt.prefix.flag.a": "A", "icmpv6.opt.prefix.flag.r": "R",
	"icmpv6.opt.prefix.valid_lifetime": "Valid Lifetime", "icmpv6.opt.prefix.preferred_lifetime": "Preferred Lifetime",
	"icmpv6.mld.flag.s": "S", "icmpv6.mld.flag.qrv": "QRV", "icmpv6.mld.qqi": "QQIC",
	"icmpv6.mld.maximum_response_code": "Max Resp Code", "icmpv6.mld.maximum_response_delay": "Max Resp Delay",
	"icmpv6.mld.nb_sources": "Num Srcs",
	// UDP (RFC 768) and TCP (RFC 9293)
	"udp.srcport": "Src Port", "udp.dstport": "Dst Port", "udp.length": "Length", "udp.checksum": "Cksum",
	"tcp.srcport": "Src Port", "tcp.dstport": "Dst Port", "tcp.seq": "Seq", "tcp.ack": "Ack",
	"tcp.hdr_len": "DOff", "tcp.flags.reserved": "Rsrvd", "tcp.flags.accurate_ecn": "AE",
	"tcp.flags.congestion_window_reduced": "CWR", "tcp.flags.ecn-echo": "ECE", "tcp.flags.urgent": "URG",
	"tcp.flags.acknowledgment": "ACK", "tcp.flags.push": "PSH", "tcp.flags.reset": "RST",
	"tcp.flags.syn": "SYN", "tcp.flags.fin": "FIN", "tcp.seq_raw": "Seq", "tcp.ack_raw": "Ack",
	"tcp.window_size_value": "Window", "tcp.window_size": "Window", "tcp.checksum": "Cksum",
	"tcp.urgent_pointer": "Urg Ptr", "tcp.options": "Options",
}

// shortName is the abbreviation of a field for a box too narrow for its
// name: the listed one, or the initials of the name's words. It is "" when
// neither is shorter than the name.
func shortName(field, label string) string {
	if s, ok := shortNames[field]; ok && textCols(s) < textCols(label) {
		return s
	}
	if a := abbreviate(label); textCols(a) < textCols(label) {
		return a
	}
	return ""
}

// abbreviate makes an abbreviation of a name: the one it gives in
// parentheses ("Time Stamp (TS)" → "TS"), that of the English term a
// Korean name gives in parentheses ("헤더 체크섬 (Header Checksum)" → "HC",
// as textbooks abbreviate in English), the initials of its words
// ("Explicit Congestion Notification" → "ECN"), or its first three letters
// for one word.
func abbreviate(label string) string {
	if i := strings.LastIndexByte(label, '('); i > 0 && strings.HasSuffix(label, ")") {
		if in := label[i+1 : len(label)-1]; in != "" && len(in) <= 6 && !strings.ContainsAny(in, " ,") {
			return in
		}
	}
	if en := englishPart(label); en != "" && !isASCII(label) {
		return abbreviate(en)
	}
	words := strings.FieldsFunc(label, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '_' || r == '/' || r == '(' || r == ')'
	})
	if len(words) > 1 {
		var b strings.Builder
		for _, w := range words {
			r := []rune(w)[0]
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(unicode.ToUpper(r))
			}
		}
		if b.Len() > 0 {
			return b.String()
		}
	}
	if r := []rune(label); len(r) > 3 {
		return string(r[:3])
	}
	return label
}

// textCols is how many terminal columns s takes: two for a wide rune
// (Hangul, CJK), one for the others. The SVG measures with the same count.
func textCols(s string) int {
	n := 0
	for _, r := range s {
		if isWide(r) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// isWide reports whether r is drawn two columns wide (East Asian Wide and
// Fullwidth: Hangul, CJK ideographs, kana, fullwidth forms).
func isWide(r rune) bool {
	return r >= 0x1100 && r <= 0x115F || r >= 0x2E80 && r <= 0xA4CF || r >= 0xAC00 && r <= 0xD7A3 ||
		r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFE4F || r >= 0xFF00 && r <= 0xFF60 ||
		r >= 0xFFE0 && r <= 0xFFE6 || r >= 0x20000 && r <= 0x3FFFD
}
