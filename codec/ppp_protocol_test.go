package codec

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The PPP protocol and NLPID tables hold the IANA / ISO TR 9577 numbers,
// name each constant, and show the number of one they do not know.
func TestPPPProtocolsAndNLPIDs(t *testing.T) {
	assert.Equal(t, PPPProtocol(0x0021), PPPProtocolIPv4)
	assert.Equal(t, PPPProtocol(0x0057), PPPProtocolIPv6)
	assert.Equal(t, PPPProtocol(0x0281), PPPProtocolMPLS)
	for _, p := range []PPPProtocol{PPPProtocolIPv4, PPPProtocolIPv6, PPPProtocolMPLS} {
		_, ok := p.Name()
		assert.True(t, ok, "%v has no name", uint16(p))
	}
	assert.Equal(t, "0x0021 (Internet Protocol version 4)", PPPProtocolIPv4.String())
	assert.Equal(t, "0xc021", PPPProtocol(0xc021).String())

	assert.Equal(t, NLPID(0xcc), NLPIDIPv4)
	assert.Equal(t, NLPID(0x8e), NLPIDIPv6)
	assert.Equal(t, NLPID(0x80), NLPIDSNAP)
	assert.Equal(t, "0xcc (IPv4)", NLPIDIPv4.String())
	assert.Equal(t, "0x08", NLPID(0x08).String())
	for _, n := range []NLPID{NLPIDSNAP, NLPIDIPv4, NLPIDIPv6} {
		_, ok := n.Name()
		assert.True(t, ok, "%v has no name", uint8(n))
	}
}

// NDP option types and RFC 5837 interface roles are named in codec, never
// hiding the number of one it does not know.
func TestNDPOptionAndRoleNames(t *testing.T) {
	assert.Equal(t, "Source link-layer address", NDPSourceLinkAddr.String())
	assert.Equal(t, "PREF64", NDPPREF64.String())
	assert.Equal(t, "Unknown option 200", NDPOptionType(200).String())
	assert.Equal(t, "incoming interface", RoleIncoming.String())
	assert.Equal(t, "IP next hop", RoleNextHop.String())
	assert.Equal(t, "role 7", InterfaceRole(7).String())
}
