package codec

import "strconv"

// EtherType names the protocol an Ethernet frame, a VLAN tag, a Linux cooked
// header, GRE or Cisco HDLC carries (IEEE "EtherType" registry, as IANA
// lists it in "IEEE 802 Numbers").
type EtherType uint16

// The EtherTypes a dissection follows or names.
const (
	EtherTypeIPv4         EtherType = 0x0800
	EtherTypeARP          EtherType = 0x0806
	EtherTypeTEB          EtherType = 0x6558 // transparent Ethernet bridging (GRE, NVGRE)
	EtherTypeVLAN         EtherType = 0x8100 // 802.1Q customer tag
	EtherTypeIPv6         EtherType = 0x86dd
	EtherTypeMPLS         EtherType = 0x8847
	EtherTypeMPLSMulti    EtherType = 0x8848
	EtherTypePPPoESession EtherType = 0x8864
	EtherTypeQinQ         EtherType = 0x88a8 // 802.1ad service tag
	EtherTypeERSPAN2      EtherType = 0x88be
	EtherTypeMACsec       EtherType = 0x88e5
	EtherTypeQinQOld      EtherType = 0x9100 // pre-standard QinQ
)

var etherTypeNames = map[EtherType]string{
	EtherTypeIPv4:         "IPv4",
	EtherTypeARP:          "ARP",
	EtherTypeTEB:          "Transparent Ethernet Bridging",
	EtherTypeVLAN:         "802.1Q Virtual LAN",
	EtherTypeIPv6:         "IPv6",
	EtherTypeMPLS:         "MPLS label switched packet",
	EtherTypeMPLSMulti:    "MPLS multicast label switched packet",
	EtherTypePPPoESession: "PPPoE Session",
	EtherTypeQinQ:         "802.1ad Provider Bridge (Q-in-Q)",
	EtherTypeERSPAN2:      "ERSPAN",
	EtherTypeMACsec:       "802.1AE (MACsec)",
	EtherTypeQinQOld:      "QinQ (pre-standard)",
}

// Name is the EtherType's protocol name, and false for one codec does not
// list.
func (e EtherType) Name() (string, bool) {
	n, ok := etherTypeNames[e]
	return n, ok
}

// IsVLANTag reports whether the EtherType announces a VLAN tag (802.1Q,
// 802.1ad or the pre-standard QinQ) in front of another EtherType.
func (e EtherType) IsVLANTag() bool {
	return e == EtherTypeVLAN || e == EtherTypeQinQ || e == EtherTypeQinQOld
}

// String is "0x86dd (IPv6)", or "0x1234" for one without a name: the number
// is always shown.
func (e EtherType) String() string {
	s := strconv.FormatUint(uint64(e), 16)
	for len(s) < 4 {
		s = "0" + s
	}
	if n, ok := e.Name(); ok {
		return "0x" + s + " (" + n + ")"
	}
	return "0x" + s
}

// Address families that link headers without an EtherType use to name the
// IP version they carry: BSD loopback (LINKTYPE_NULL and LINKTYPE_LOOP)
// stores the capturing system's AF_ value, Solaris ipnet its own. AF_INET
// is 2 everywhere; AF_INET6 differs per system.
const (
	AFInet         uint32 = 2
	AFInet6Linux   uint32 = 10
	AFInet6NetBSD  uint32 = 24 // NetBSD and OpenBSD
	AFInet6Solaris uint32 = 26 // Solaris, as ipnet writes it
	AFInet6FreeBSD uint32 = 28
	AFInet6Darwin  uint32 = 30 // macOS
)

// LoopbackFamily is the IP version (4 or 6) a BSD loopback header's address
// family names, whichever system wrote it; 0 when it names neither.
func LoopbackFamily(af uint32) uint8 {
	switch af {
	case AFInet:
		return 4
	case AFInet6Linux, AFInet6NetBSD, AFInet6FreeBSD, AFInet6Darwin:
		return 6
	}
	return 0
}

// IPNetFamily is the IP version a Solaris ipnet header's family byte names;
// 0 when it names neither.
func IPNetFamily(af uint8) uint8 {
	switch uint32(af) {
	case AFInet:
		return 4
	case AFInet6Solaris:
		return 6
	}
	return 0
}
