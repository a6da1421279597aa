package codec

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The protocol, EtherType and extension class tables name every constant
// codec declares, and never hide the number of one they do not know.
func TestProtoNames(t *testing.T) {
	for _, p := range []uint8{ProtoHopByHop, ProtoICMP, ProtoIGMP, ProtoIPv4, ProtoTCP, ProtoUDP, ProtoIPv6,
		ProtoRouting, ProtoFragment, ProtoGRE, ProtoESP, ProtoAH, ProtoICMPv6, ProtoNoNext, ProtoDstOpts, ProtoPIM, ProtoSCTP} {
		n, ok := ProtoName(p)
		assert.True(t, ok, "protocol %d has no name", p)
		assert.NotEqual(t, "Unknown", n)
	}
	assert.Equal(t, "UDP (17)", ProtoString(ProtoUDP))
	assert.Equal(t, "SCTP (132)", ProtoString(132))
	assert.Equal(t, "IGMP (2)", ProtoString(2))
	n, ok := ProtoName(253)
	assert.False(t, ok)
	assert.Equal(t, "Unknown", n)
	assert.Equal(t, "Unknown (253)", ProtoString(253))
}

func TestEtherTypes(t *testing.T) {
	assert.Equal(t, EtherType(0x0800), EtherTypeIPv4)
	assert.Equal(t, EtherType(0x86dd), EtherTypeIPv6)
	assert.Equal(t, "0x86dd (IPv6)", EtherTypeIPv6.String())
	assert.Equal(t, "0x0806 (ARP)", EtherTypeARP.String())
	assert.Equal(t, "0x1234", EtherType(0x1234).String())
	for _, e := range []EtherType{EtherTypeVLAN, EtherTypeQinQ, EtherTypeQinQOld} {
		assert.True(t, e.IsVLANTag(), "%v", e)
	}
	assert.False(t, EtherTypeIPv4.IsVLANTag())
}

func TestAddressFamilies(t *testing.T) {
	for af, v := range map[uint32]uint8{2: 4, 10: 6, 24: 6, 28: 6, 30: 6, 26: 0, 7: 0} {
		assert.Equal(t, v, LoopbackFamily(af), "loopback family %d", af)
	}
	for af, v := range map[uint8]uint8{2: 4, 26: 6, 10: 0} {
		assert.Equal(t, v, IPNetFamily(af), "ipnet family %d", af)
	}
}

func TestExtClassNames(t *testing.T) {
	assert.Equal(t, "MPLS Label Stack Class", ExtClassMPLS.String())
	assert.Equal(t, "Interface Information Object", ExtClassInterface.String())
	assert.Equal(t, "Interface Identification Object", ExtClassIdent.String())
	assert.Equal(t, "Unknown class 9", ExtClass(9).String())
	_, ok := ExtClass(9).Name()
	assert.False(t, ok)
}
