package codec

import (
	"strings"
	"testing"

	"golang.org/x/net/ipv4"
	"golang.org/x/net/ipv6"
)

// A second source for the registry: golang.org/x/net generates its ICMP type
// names from IANA's XML (ipv4/iana.go, ipv6/iana.go, last regenerated in 2018).
// For every type x/net knows, the number must be assigned here too and the
// names must agree once case, spaces and hyphens are ignored.

// xnetNameDiffs are the deliberate differences, each with its reason. The test
// fails if an entry here stops being a difference, so the list stays true.
var xnetNameDiffs = map[Family]map[Type]string{
	IPv4: {
		// IANA's type table says "Router Selection" (and so does icmplab);
		// x/net uses RFC 1256's name "router solicitation".
		ICMPv4RouterSolicitation: "IANA writes Router Selection, x/net uses RFC 1256's Router Solicitation",
	},
	IPv6: {},
}

func normName(s string) string {
	s = strings.ToLower(s)
	return strings.NewReplacer(" ", "", "-", "", "_", "").Replace(s)
}

func TestRegistryXNetNames(t *testing.T) {
	checked := map[Family]int{}
	for n := 0; n < 256; n++ {
		for _, tc := range []struct {
			f    Family
			xnet string
		}{
			{IPv4, ipv4.ICMPType(n).String()},
			{IPv6, ipv6.ICMPType(n).String()},
		} {
			if tc.xnet == "<nil>" { // x/net does not know this number
				continue
			}
			checked[tc.f]++
			ti, ok := LookupType(tc.f, Type(n))
			if !ok {
				t.Errorf("%v %d: x/net calls it %q, registry has no entry", tc.f, n, tc.xnet)
				continue
			}
			same := normName(ti.Name) == normName(tc.xnet)
			reason, listed := xnetNameDiffs[tc.f][Type(n)]
			switch {
			case !same && !listed:
				t.Errorf("%v %d: registry %q, x/net %q", tc.f, n, ti.Name, tc.xnet)
			case same && listed:
				t.Errorf("%v %d: listed as a difference (%s) but the names agree", tc.f, n, reason)
			case !same:
				t.Logf("%v %d: %q vs x/net %q: %s", tc.f, n, ti.Name, tc.xnet, reason)
			}
		}
	}
	// x/net knows 13 ICMPv4 and 37 ICMPv6 types; a far smaller count means the
	// cross-check silently stopped checking.
	if checked[IPv4] < 10 || checked[IPv6] < 30 {
		t.Errorf("cross-checked only %d ICMPv4 and %d ICMPv6 types", checked[IPv4], checked[IPv6])
	}
}

// The typed constants of types.go against x/net's, number for number.
func TestRegistryXNetConstants(t *testing.T) {
	v4 := []struct {
		ours Type
		xnet ipv4.ICMPType
	}{
		{ICMPv4EchoReply, ipv4.ICMPTypeEchoReply},
		{ICMPv4DestinationUnreachable, ipv4.ICMPTypeDestinationUnreachable},
		{ICMPv4Redirect, ipv4.ICMPTypeRedirect},
		{ICMPv4EchoRequest, ipv4.ICMPTypeEcho},
		{ICMPv4RouterAdvertisement, ipv4.ICMPTypeRouterAdvertisement},
		{ICMPv4RouterSolicitation, ipv4.ICMPTypeRouterSolicitation},
		{ICMPv4TimeExceeded, ipv4.ICMPTypeTimeExceeded},
		{ICMPv4ParameterProblem, ipv4.ICMPTypeParameterProblem},
		{ICMPv4Timestamp, ipv4.ICMPTypeTimestamp},
		{ICMPv4TimestampReply, ipv4.ICMPTypeTimestampReply},
		{ICMPv4Photuris, ipv4.ICMPTypePhoturis},
		{ICMPv4ExtendedEchoRequest, ipv4.ICMPTypeExtendedEchoRequest},
		{ICMPv4ExtendedEchoReply, ipv4.ICMPTypeExtendedEchoReply},
	}
	for _, p := range v4 {
		if int(p.ours) != int(p.xnet) {
			t.Errorf("ICMPv4 %s: ours %d, x/net %d", p.xnet, p.ours, int(p.xnet))
		}
	}
	v6 := []struct {
		ours Type
		xnet ipv6.ICMPType
	}{
		{ICMPv6DestinationUnreachable, ipv6.ICMPTypeDestinationUnreachable},
		{ICMPv6PacketTooBig, ipv6.ICMPTypePacketTooBig},
		{ICMPv6TimeExceeded, ipv6.ICMPTypeTimeExceeded},
		{ICMPv6ParameterProblem, ipv6.ICMPTypeParameterProblem},
		{ICMPv6EchoRequest, ipv6.ICMPTypeEchoRequest},
		{ICMPv6EchoReply, ipv6.ICMPTypeEchoReply},
		{ICMPv6MLDQuery, ipv6.ICMPTypeMulticastListenerQuery},
		{ICMPv6MLDReport, ipv6.ICMPTypeMulticastListenerReport},
		{ICMPv6MLDDone, ipv6.ICMPTypeMulticastListenerDone},
		{ICMPv6RouterSolicitation, ipv6.ICMPTypeRouterSolicitation},
		{ICMPv6RouterAdvertisement, ipv6.ICMPTypeRouterAdvertisement},
		{ICMPv6NeighborSolicitation, ipv6.ICMPTypeNeighborSolicitation},
		{ICMPv6NeighborAdvertisement, ipv6.ICMPTypeNeighborAdvertisement},
		{ICMPv6Redirect, ipv6.ICMPTypeRedirect},
		{ICMPv6RouterRenumbering, ipv6.ICMPTypeRouterRenumbering},
		{ICMPv6NodeInformationQuery, ipv6.ICMPTypeNodeInformationQuery},
		{ICMPv6NodeInformationResponse, ipv6.ICMPTypeNodeInformationResponse},
		{ICMPv6InverseNDSolicitation, ipv6.ICMPTypeInverseNeighborDiscoverySolicitation},
		{ICMPv6InverseNDAdvertisement, ipv6.ICMPTypeInverseNeighborDiscoveryAdvertisement},
		{ICMPv6MLDv2Report, ipv6.ICMPTypeVersion2MulticastListenerReport},
		{ICMPv6HomeAgentDiscoveryReq, ipv6.ICMPTypeHomeAgentAddressDiscoveryRequest},
		{ICMPv6HomeAgentDiscoveryReply, ipv6.ICMPTypeHomeAgentAddressDiscoveryReply},
		{ICMPv6MobilePrefixSolicit, ipv6.ICMPTypeMobilePrefixSolicitation},
		{ICMPv6MobilePrefixAdvert, ipv6.ICMPTypeMobilePrefixAdvertisement},
		{ICMPv6CertPathSolicitation, ipv6.ICMPTypeCertificationPathSolicitation},
		{ICMPv6CertPathAdvertisement, ipv6.ICMPTypeCertificationPathAdvertisement},
		{ICMPv6MRDAdvertisement, ipv6.ICMPTypeMulticastRouterAdvertisement},
		{ICMPv6MRDSolicitation, ipv6.ICMPTypeMulticastRouterSolicitation},
		{ICMPv6MRDTermination, ipv6.ICMPTypeMulticastRouterTermination},
		{ICMPv6FMIPv6, ipv6.ICMPTypeFMIPv6},
		{ICMPv6RPLControl, ipv6.ICMPTypeRPLControl},
		{ICMPv6ILNPv6LocatorUpdate, ipv6.ICMPTypeILNPv6LocatorUpdate},
		{ICMPv6DuplicateAddressRequest, ipv6.ICMPTypeDuplicateAddressRequest},
		{ICMPv6DuplicateAddressConfirm, ipv6.ICMPTypeDuplicateAddressConfirmation},
		{ICMPv6MPLControl, ipv6.ICMPTypeMPLControl},
		{ICMPv6ExtendedEchoRequest, ipv6.ICMPTypeExtendedEchoRequest},
		{ICMPv6ExtendedEchoReply, ipv6.ICMPTypeExtendedEchoReply},
	}
	for _, p := range v6 {
		if int(p.ours) != int(p.xnet) {
			t.Errorf("ICMPv6 %s: ours %d, x/net %d", p.xnet, p.ours, int(p.xnet))
		}
	}
}
