package dissect

import (
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
)

// codecNameFrames are frames that carry every kind of name codec gives a
// dissection besides the ICMP registry's: NDP options (known and unknown),
// IPv4 options (known and unknown), an unknown IP protocol, each RFC 5837
// interface role, each RFC 8335 way of naming an interface, and an ICMPv4
// router advertisement's entries. langFrames walks them, so the Korean
// check meets these names without the shared corpus (under wasm too).
func codecNameFrames() []langFrame {
	a4, b4 := netip.MustParseAddr("198.18.0.1"), netip.MustParseAddr("198.18.0.2")
	a6, b6 := netip.MustParseAddr("2001:2::1"), netip.MustParseAddr("2001:2::2")
	var out []langFrame
	add := func(name string, data []byte) { out = append(out, langFrame{name: name, data: data, layer: LayerIP}) }

	// A router advertisement with a source link-layer address, a prefix,
	// an MTU, a nonce and option 7, which codec does not list.
	opts := codec.AppendNDPOption(nil, codec.NDPSourceLinkAddr, []byte{2, 0, 0, 0, 0, 0x0a})
	opts = codec.AppendNDPPrefixInfo(opts, codec.NDPPrefixOpt{PrefixLen: 64, Flags: 0xc0, ValidLifetime: 86400, PreferredLifetime: 14400,
		Prefix: netip.MustParseAddr("2001:2:0:1::")})
	opts = codec.AppendNDPOption(opts, codec.NDPMTU, []byte{0, 0, 0, 0, 0x05, 0xdc})
	opts = codec.AppendNDPOption(opts, codec.NDPNonce, []byte{1, 2, 3, 4, 5, 6})
	opts = codec.AppendNDPOption(opts, 7, []byte{1, 2, 3, 4, 5, 6})
	ra := codec.Append(nil, codec.Header{Family: codec.IPv6, Type: codec.ICMPv6RouterAdvertisement, Src: a6, Dst: b6},
		codec.NDP{CurHopLimit: 64, RouterLifetime: 1800, OptionBytes: opts})
	add("router advertisement with options", ipv6(a6, b6, codec.ProtoICMPv6, 255, ra))

	// IPv4 options: record route, a router alert, option 134 (CIPSO, not
	// listed), end of list; an echo request behind them.
	ipOpts := []byte{7, 7, 4, 0, 0, 0, 0, 148, 4, 0, 0, 134, 6, 1, 2, 3, 4, 0, 0, 0, 0}[:20]
	add("IPv4 options", ipv4(a4, b4, codec.ProtoICMP, 64, 1, echo4(codec.ICMPv4EchoRequest, 1, 1, 8), ipOpts...))

	// IP protocol 88 (EIGRP), which codec does not name, in IPv4 and IPv6.
	add("IPv4 protocol 88", ipv4(a4, b4, 88, 64, 2, make([]byte, 20)))
	add("IPv6 next header 88", ipv6(a6, b6, 88, 64, make([]byte, 20)))

	// A port unreachable for each RFC 5837 role.
	probe := ipv4(b4, a4, codec.ProtoUDP, 1, 7, udp(b4, a4, 40000, 33434, make([]byte, 12)))
	for _, role := range []codec.InterfaceRole{codec.RoleIncoming, codec.RoleSubIP, codec.RoleOutgoing, codec.RoleNextHop} {
		ii := codec.AppendInterfaceInfoObject(nil, codec.InterfaceInfo{Role: role, HasIndex: true, Index: 3, HasName: true, Name: "ge-0/0/1"})
		pu := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4DestinationUnreachable, Code: codec.CodePortUnreachable},
			codec.ErrorBody{Quote: probe, Ext: codec.NewExtensions(nil, ii)})
		add("RFC 5837 role "+itoa(int(role)), ipv4(a4, b4, codec.ProtoICMP, 64, 3, pu))
	}

	// An extended echo request naming the interface each RFC 8335 way.
	for _, id := range []codec.InterfaceIdent{
		{CType: codec.IdentByName, Name: "eth0"},
		{CType: codec.IdentByIndex, Index: 2},
		{CType: codec.IdentByAddress, Addr: b4},
	} {
		req := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4ExtendedEchoRequest},
			codec.ExtendedEchoRequest{ID: 9, Seq: 1, Ext: codec.NewExtensions(nil, codec.AppendInterfaceIdentObject(nil, id))})
		add("RFC 8335 C-Type "+itoa(int(id.CType)), ipv4(a4, b4, codec.ProtoICMP, 64, 4, req))
	}

	// A router advertisement (RFC 1256) with two entries.
	rav := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4RouterAdvertisement},
		codec.NewRouterAdvert4(nil, 1800, codec.RouterAddr{Addr: a4, Preference: 10}, codec.RouterAddr{Addr: b4, Preference: -1}))
	add("router advertisement v4", ipv4(a4, netip.MustParseAddr("224.0.0.1"), codec.ProtoICMP, 1, 5, rav))
	return out
}

// TestKoreanCodecNames pins, in one frame each, the Korean of the names
// issue 14's review found left in English, and that the English output
// keeps tshark's words.
func TestKoreanCodecNames(t *testing.T) {
	frames := map[string]langFrame{}
	for _, fr := range codecNameFrames() {
		frames[fr.name] = fr
	}
	values := func(name string, l Lang) map[string][]string {
		fr, ok := frames[name]
		require.True(t, ok, name)
		f := Dissect(fr.data, fr.layer, Options{Lang: l})
		got := map[string][]string{}
		var walk func([]*Node)
		walk = func(ns []*Node) {
			for _, n := range ns {
				got[n.Field] = append(got[n.Field], n.Label+" = "+n.Value)
				walk(n.Kids)
			}
		}
		walk(f.Root)
		got["summary"] = []string{f.Summary}
		return got
	}

	ko, en := values("router advertisement with options", LangKO), values("router advertisement with options", LangEN)
	assert.Contains(t, ko["icmpv6.opt"], "ICMPv6 옵션 (Option): 알 수 없는 옵션 7 = ")
	assert.Contains(t, ko["icmpv6.opt"], "ICMPv6 옵션 (Option): 프리픽스 정보 (Prefix information) = 2001:2:0:1::/64")
	assert.Contains(t, ko["icmpv6.opt.type"], "유형 (Type) = 프리픽스 정보 (Prefix information) (3)")
	assert.Contains(t, en["icmpv6.opt"], "ICMPv6 Option (Unknown option 7) = ")
	assert.Contains(t, en["icmpv6.opt.type"], "Type = Prefix information (3)")

	ko, en = values("IPv4 options", LangKO), values("IPv4 options", LangEN)
	assert.Contains(t, ko["ip.opt.type"], "IP 옵션 (Option): 경로 기록 (Record Route, RR) = 7바이트")
	assert.Contains(t, ko["ip.opt.type"], "IP 옵션 (Option): 알 수 없는 옵션 134 = 6바이트")
	assert.Contains(t, en["ip.opt.type"], "IP Option - Unknown option 134 = 6 bytes")

	assert.Contains(t, values("IPv4 protocol 88", LangKO)["ip.proto"], "프로토콜 (Protocol) = 알 수 없음 (88)")
	assert.Contains(t, values("IPv4 protocol 88", LangEN)["ip.proto"], "Protocol = Unknown (88)")
	assert.Contains(t, values("IPv6 next header 88", LangKO)["ipv6.nxt"], "다음 헤더 (Next Header) = 알 수 없음 (88)")

	ko, en = values("RFC 5837 role 2", LangKO), values("RFC 5837 role 2", LangEN)
	assert.Contains(t, ko["icmp.ext.object"], "확장 객체 (Object): 인터페이스 정보 객체 (Interface Information Object) = 나갈 인터페이스 (outgoing interface)")
	assert.Contains(t, ko["icmp.int_info.role"], "인터페이스 역할 (Interface Role) = 2 (나갈 인터페이스 (outgoing interface))")
	assert.Contains(t, ko["summary"][0], `[나갈 인터페이스 (outgoing interface) "ge-0/0/1" ifindex 3]`)
	assert.Contains(t, en["summary"][0], `[outgoing interface "ge-0/0/1" ifindex 3]`)

	assert.Contains(t, values("RFC 8335 C-Type 1", LangKO)["icmp.ext.object"], `확장 객체 (Object): 인터페이스 식별 객체 (Interface Identification Object) = 이름으로 (by name) "eth0"`)
	assert.Contains(t, values("RFC 8335 C-Type 2", LangKO)["icmp.ext.object"], "확장 객체 (Object): 인터페이스 식별 객체 (Interface Identification Object) = 번호로 (by index) 2")
	assert.Contains(t, values("RFC 8335 C-Type 3", LangKO)["icmp.ext.object"], "확장 객체 (Object): 인터페이스 식별 객체 (Interface Identification Object) = 주소로 (by address) 198.18.0.2")
	assert.Contains(t, values("RFC 8335 C-Type 3", LangEN)["icmp.ext.object"], "Interface Identification Object = by address 198.18.0.2")

	assert.Contains(t, values("router advertisement v4", LangKO)["icmp.router_entry"], "라우터 항목 (Router Entry) 2 = 198.18.0.2, 선호도 -1")
	assert.Contains(t, values("router advertisement v4", LangEN)["icmp.router_entry"], "Router Entry 2 = 198.18.0.2, preference -1")
}
