package dissect

import (
	"fmt"

	"icmplab/codec"
)

// icmpNDP draws a neighbour-discovery message: the fixed fields of its type
// and the option list.
func (d *dissector) icmpNDP(nd *Node, m codec.Message, off int) {
	n, ok := m.NDP()
	if !ok {
		return
	}
	p := off + 4
	switch m.Kind {
	case codec.KindRouterSolicit6:
		d.hexField(nd, "Reserved", "icmpv6.reserved", p, 4)
	case codec.KindRouterAdvert6:
		d.uint(nd, "Cur hop limit", "icmpv6.nd.ra.cur_hop_limit", p, 1)
		fl, fln := d.hexField(nd, "Flags", "icmpv6.nd.ra.flag", p+1, 1)
		fln.Value = hexOnly(fl, 1)
		d.flag(fln, "Managed address configuration", "icmpv6.nd.ra.flag.m", p+1, 1, 0x80)
		d.flag(fln, "Other configuration", "icmpv6.nd.ra.flag.o", p+1, 1, 0x40)
		d.flag(fln, "Home Agent", "icmpv6.nd.ra.flag.h", p+1, 1, 0x20)
		d.bits(fln, "Preference", "icmpv6.nd.ra.flag.prf", p+1, 1, 0x18, func(v uint32) string {
			if d.opt.Lang == LangKO {
				return [...]string{"보통 (Medium, 0)", "높음 (High, 1)", "예약됨 (Reserved, 2)", "낮음 (Low, 3)"}[v&3]
			}
			return [...]string{"Medium (0)", "High (1)", "Reserved (2)", "Low (3)"}[v&3]
		})
		d.flag(fln, "Proxy", "icmpv6.nd.ra.flag.p", p+1, 1, 0x04)
		d.uint(nd, "Router lifetime (s)", "icmpv6.nd.ra.router_lifetime", p+2, 2)
		d.uint(nd, "Reachable time (ms)", "icmpv6.nd.ra.reachable_time", p+4, 4)
		d.uint(nd, "Retrans timer (ms)", "icmpv6.nd.ra.retrans_timer", p+8, 4)
	case codec.KindNeighborSolicit:
		d.hexField(nd, "Reserved", "icmpv6.reserved", p, 4)
		a, _ := d.addr(nd, "Target Address", "icmpv6.nd.ns.target_address", p+4, 16)
		nd.Value += d.opt.Lang.say(" for ", ", 대상 ") + a.String()
	case codec.KindNeighborAdvert:
		fl, fln := d.hexField(nd, "Flags", "icmpv6.nd.na.flag", p, 4)
		fln.Value = hexOnly(fl, 4)
		d.flag(fln, "Router", "icmpv6.nd.na.flag.r", p, 4, 0x80000000)
		d.flag(fln, "Solicited", "icmpv6.nd.na.flag.s", p, 4, 0x40000000)
		d.flag(fln, "Override", "icmpv6.nd.na.flag.o", p, 4, 0x20000000)
		d.bits(fln, "Reserved", "icmpv6.nd.na.flag.rsv", p, 4, 0x1fffffff, nil)
		a, _ := d.addr(nd, "Target Address", "icmpv6.nd.na.target_address", p+4, 16)
		nd.Value += d.opt.Lang.say(" for ", ", 대상 ") + a.String()
	case codec.KindRedirect6:
		d.hexField(nd, "Reserved", "icmpv6.reserved", p, 4)
		d.addr(nd, "Target Address", "icmpv6.nd.rd.target_address", p+4, 16)
		d.addr(nd, "Destination Address", "icmpv6.nd.rd.destination_address", p+20, 16)
	}
	if len(n.OptionBytes) == 0 {
		return
	}
	it := n.Options()
	for it.Next() {
		d.ndpOption(nd, off, it.Option())
	}
	if err := it.Err(); err != nil {
		d.parseErrorNote(nd, off, err)
	}
}

// ndpOption draws one option; off is the message's offset.
func (d *dissector) ndpOption(nd *Node, off int, o codec.NDPOption) {
	p := off + o.Offset
	n := int(o.Length) * 8
	on := d.add(nd, "ICMPv6 Option ("+o.Type.String()+")", "icmpv6.opt", p, n, "")
	d.labelSuffix(on, ": ", d.ndpOptName(o.Type))
	on.Explain = fmt.Sprintf("icmpv6.opt.type.%d", o.Type)
	d.add(on, "Type", "icmpv6.opt.type", p, 1, fmt.Sprintf("%s (%d)", d.ndpOptName(o.Type), o.Type))
	_, ln := d.uint(on, "Length", "icmpv6.opt.length", p+1, 1)
	ln.Value = fmt.Sprintf("%d (%d%s)", o.Length, n, d.bytesWord())
	dp := p + 2
	dl := len(o.Data)
	switch o.Type {
	case codec.NDPSourceLinkAddr, codec.NDPTargetLinkAddr:
		if dl >= 6 {
			f := "icmpv6.opt.linkaddr"
			nn := d.add(on, "Link-layer address", f, dp, 6, macString(d.b[dp:dp+6]))
			on.Value = nn.Value
		}
	case codec.NDPPrefixInfo:
		if dl >= 30 {
			d.uint(on, "Prefix Length", "icmpv6.opt.prefix.length", dp, 1)
			fl, fln := d.hexField(on, "Flags", "icmpv6.opt.prefix.flag", dp+1, 1)
			fln.Value = hexOnly(fl, 1)
			d.flag(fln, "On-link", "icmpv6.opt.prefix.flag.l", dp+1, 1, 0x80)
			d.flag(fln, "Autonomous address-configuration", "icmpv6.opt.prefix.flag.a", dp+1, 1, 0x40)
			d.flag(fln, "Router address", "icmpv6.opt.prefix.flag.r", dp+1, 1, 0x20)
			d.uint(on, "Valid Lifetime", "icmpv6.opt.prefix.valid_lifetime", dp+2, 4)
			d.uint(on, "Preferred Lifetime", "icmpv6.opt.prefix.preferred_lifetime", dp+6, 4)
			d.hexField(on, "Reserved", "icmpv6.opt.reserved", dp+10, 4)
			a, _ := d.addr(on, "Prefix", "icmpv6.opt.prefix", dp+14, 16)
			on.Value = fmt.Sprintf("%s/%d", a, d.b[dp])
		}
	case codec.NDPRedirectedHdr:
		if dl >= 6 {
			d.hexField(on, "Reserved", "icmpv6.opt.reserved", dp, 6)
			if dl > 6 {
				qn := d.add(on, "Redirected packet", "icmpv6.opt.redirected_packet", dp+6, dl-6, d.byteCount(dl-6))
				sub := *d
				sub.quoted = true
				sub.depth = d.depth + 1
				if sub.depth < d.opt.MaxDepth*2 {
					sub.ipByVersionQuoted(qn, dp+6, dp+dl)
				}
				d.slab, d.kids = sub.slab, sub.kids
			}
		}
	case codec.NDPMTU:
		if dl >= 6 {
			d.hexField(on, "Reserved", "icmpv6.opt.reserved", dp, 2)
			v, _ := d.uint(on, "MTU", "icmpv6.opt.mtu", dp+2, 4)
			on.Value = itoa(int(v))
		}
	case codec.NDPRouteInfo:
		if dl >= 6 {
			pl, _ := d.uint(on, "Prefix Length", "icmpv6.opt.route_info.prefix_length", dp, 1)
			d.bits(on, "Route Preference", "icmpv6.opt.route_info.flag.route_preference", dp+1, 1, 0x18, nil)
			d.uint(on, "Route Lifetime", "icmpv6.opt.route_lifetime", dp+2, 4)
			if dl > 6 {
				var a16 [16]byte
				copy(a16[:], d.b[dp+6:dp+dl])
				pn := d.add(on, "Prefix", "icmpv6.opt.prefix", dp+6, dl-6, "")
				pn.Value = fmt.Sprintf("%s/%d", netipFrom16(a16), pl)
				on.Value = pn.Value
			}
		}
	case codec.NDPRDNSS:
		if dl >= 6 {
			d.hexField(on, "Reserved", "icmpv6.opt.reserved", dp, 2)
			d.uint(on, "Lifetime", "icmpv6.opt.rdnss.lifetime", dp+2, 4)
			for a := dp + 6; a+16 <= dp+dl; a += 16 {
				d.addr(on, "Recursive DNS Servers", "icmpv6.opt.rdnss", a, 16)
			}
		}
	case codec.NDPDNSSL:
		if dl >= 6 {
			d.hexField(on, "Reserved", "icmpv6.opt.reserved", dp, 2)
			d.uint(on, "Lifetime", "icmpv6.opt.dnssl.lifetime", dp+2, 4)
			if dl > 6 {
				d.add(on, "Domain Names", "icmpv6.opt.dnssl", dp+6, dl-6, dnsNames(d.b[dp+6:dp+dl]))
			}
		}
	case codec.NDPPREF64:
		if dl >= 14 {
			d.bits(on, "Scaled Lifetime", "icmpv6.opt.pref64.scaled_lifetime", dp, 2, 0xfff8, nil)
			d.bits(on, "PLC", "icmpv6.opt.pref64.plc", dp, 2, 0x0007, nil)
			var a16 [16]byte
			copy(a16[:], d.b[dp+2:dp+14])
			d.add(on, "Prefix", "icmpv6.opt.pref64.prefix", dp+2, 12, netipFrom16(a16).String())
		}
	default:
		if dl > 0 {
			d.add(on, "Data", "icmpv6.opt.data", dp, dl, hexBytes(o.Data))
		}
	}
}

// dnsNames renders DNS wire-format names (RFC 1035 labels), zero padding
// dropped, stopping at anything malformed.
func dnsNames(b []byte) string {
	var out []byte
	name := false
	for i := 0; i < len(b); {
		l := int(b[i])
		i++
		if l == 0 {
			if name {
				out = append(out, ' ')
				name = false
			}
			continue
		}
		if l > 63 || i+l > len(b) {
			break
		}
		if name {
			out = append(out, '.')
		}
		out = append(out, b[i:i+l]...)
		name = true
		i += l
	}
	return string(trimSpace(out))
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return b
}

// icmpMLD draws MLDv1 messages, MLDv2 queries and MLDv2 reports.
func (d *dissector) icmpMLD(nd *Node, m codec.Message, off int) {
	p := off + 4
	switch m.Kind {
	case codec.KindMLDQuery:
		q, ok := m.MLDQuery()
		if !ok {
			return
		}
		d.uint(nd, "Maximum Response Code", "icmpv6.mld.maximum_response_code", p, 2)
		d.hexField(nd, "Reserved", "icmpv6.reserved", p+2, 2)
		d.addr(nd, "Multicast Address", "icmpv6.mld.multicast_address", p+4, 16)
		if q.V2 {
			d.flag(nd, "Suppress router-side processing", "icmpv6.mld.flag.s", p+20, 1, 0x08)
			d.bits(nd, "QRV", "icmpv6.mld.flag.qrv", p+20, 1, 0x07, nil)
			d.uint(nd, "QQIC", "icmpv6.mld.qqi", p+21, 1)
			ns, _ := d.uint(nd, "Number of Sources", "icmpv6.mld.nb_sources", p+22, 2)
			for i := 0; i < int(ns); i++ {
				d.addr(nd, "Source Address", "icmpv6.mld.source_address", p+24+16*i, 16)
			}
		}
	case codec.KindMLDReport:
		d.uint(nd, "Maximum Response Delay", "icmpv6.mld.maximum_response_delay", p, 2)
		d.hexField(nd, "Reserved", "icmpv6.reserved", p+2, 2)
		d.addr(nd, "Multicast Address", "icmpv6.mld.multicast_address", p+4, 16)
	case codec.KindMLDv2Report:
		r, ok := m.MLDv2Report()
		if !ok {
			return
		}
		d.hexField(nd, "Reserved", "icmpv6.reserved", p, 2)
		d.uint(nd, "Number of Multicast Address Records", "icmpv6.mldr.nb_mcast_records", p+2, 2)
		it := r.Records()
		for it.Next() {
			rec := it.Record()
			q := off + rec.Offset
			n := 20 + len(rec.Sources) + len(rec.Aux)
			rn := d.add(nd, "Multicast Address Record", "icmpv6.mldr.mar", q, n, rec.Group.String())
			d.uint(rn, "Record Type", "icmpv6.mldr.mar.record_type", q, 1)
			d.uint(rn, "Aux Data Len", "icmpv6.mldr.mar.aux_data_len", q+1, 1)
			d.uint(rn, "Number of Sources", "icmpv6.mldr.mar.nb_sources", q+2, 2)
			d.addr(rn, "Multicast Address", "icmpv6.mldr.mar.multicast_address", q+4, 16)
			for i := 0; i < int(rec.NumSrcs); i++ {
				d.addr(rn, "Source Address", "icmpv6.mldr.mar.source_address", q+20+16*i, 16)
			}
			if len(rec.Aux) > 0 {
				d.add(rn, "Aux Data", "icmpv6.mldr.mar.auxiliary_data", q+20+len(rec.Sources), len(rec.Aux), hexBytes(rec.Aux))
			}
		}
		if err := it.Err(); err != nil {
			d.parseErrorNote(nd, off, err)
		}
	}
}
