package codec

// Kind says which typed view of a message body applies. It follows from the
// family and type; Parse has validated the body's layout for it.
type Kind uint8

const (
	KindRaw                 Kind = iota // unknown or undecoded type: Body() holds everything
	KindEcho                            // echo request/reply: Echo()
	KindError                           // dest unreachable, time exceeded, param problem, source quench, v4 redirect, packet too big: Error()
	KindTimestamp                       // v4 timestamp request/reply: Timestamp()
	KindInformation                     // v4 information request/reply: Information()
	KindAddressMask                     // v4 address mask request/reply: AddressMask()
	KindRouterAdvert4                   // v4 router advertisement (RFC 1256): RouterAdvert4()
	KindRouterSolicit4                  // v4 router solicitation: RouterSolicit4()
	KindExtendedEchoRequest             // RFC 8335, both families: ExtendedEchoRequest()
	KindExtendedEchoReply               // RFC 8335, both families: ExtendedEchoReply()
	KindRouterSolicit6                  // NDP: NDP()
	KindRouterAdvert6                   // NDP: NDP()
	KindNeighborSolicit                 // NDP: NDP()
	KindNeighborAdvert                  // NDP: NDP()
	KindRedirect6                       // NDP: NDP()
	KindMLDQuery                        // MLDv1 or MLDv2 query: MLDQuery()
	KindMLDReport                       // MLDv1 report or done: MLDv1()
	KindMLDv2Report                     // MLDv2 report: MLDv2Report()
	KindNodeInfo                        // node information query/response (RFC 4620): NodeInfo()
)

// KindOf says which typed view a message of this family and type takes once
// its body validates (Parse sets Message.Kind to it, or to KindRaw when the
// body does not fit). Builders use it to pick the body a type needs.
func KindOf(f Family, t Type) Kind {
	if f != IPv4 && f != IPv6 {
		return KindRaw
	}
	return kindOf(f, t)
}

// kindTable caches kindSwitch for both families: one load per message.
var kindTable = func() (tab [2][256]Kind) {
	for t := range 256 {
		tab[0][t] = kindSwitch(IPv4, Type(t))
		tab[1][t] = kindSwitch(IPv6, Type(t))
	}
	return tab
}()

// kindOf selects the typed view for a family and type.
func kindOf(f Family, t Type) Kind {
	if f == IPv6 {
		return kindTable[1][t]
	}
	return kindTable[0][t]
}

// kindSwitch is where the family and type to kind mapping is written down.
func kindSwitch(f Family, t Type) Kind {
	if f == IPv4 {
		switch t {
		case ICMPv4EchoReply, ICMPv4EchoRequest:
			return KindEcho
		case ICMPv4DestinationUnreachable, ICMPv4SourceQuench, ICMPv4Redirect, ICMPv4TimeExceeded, ICMPv4ParameterProblem:
			return KindError
		case ICMPv4Timestamp, ICMPv4TimestampReply:
			return KindTimestamp
		case ICMPv4InformationRequest, ICMPv4InformationReply:
			return KindInformation
		case ICMPv4AddressMaskRequest, ICMPv4AddressMaskReply:
			return KindAddressMask
		case ICMPv4RouterAdvertisement:
			return KindRouterAdvert4
		case ICMPv4RouterSolicitation:
			return KindRouterSolicit4
		case ICMPv4ExtendedEchoRequest:
			return KindExtendedEchoRequest
		case ICMPv4ExtendedEchoReply:
			return KindExtendedEchoReply
		}
		return KindRaw
	}
	switch t {
	case ICMPv6EchoRequest, ICMPv6EchoReply:
		return KindEcho
	case ICMPv6DestinationUnreachable, ICMPv6PacketTooBig, ICMPv6TimeExceeded, ICMPv6ParameterProblem:
		return KindError
	case ICMPv6RouterSolicitation:
		return KindRouterSolicit6
	case ICMPv6RouterAdvertisement:
		return KindRouterAdvert6
	case ICMPv6NeighborSolicitation:
		return KindNeighborSolicit
	case ICMPv6NeighborAdvertisement:
		return KindNeighborAdvert
	case ICMPv6Redirect:
		return KindRedirect6
	case ICMPv6MLDQuery:
		return KindMLDQuery
	case ICMPv6MLDReport, ICMPv6MLDDone:
		return KindMLDReport
	case ICMPv6MLDv2Report:
		return KindMLDv2Report
	case ICMPv6NodeInformationQuery, ICMPv6NodeInformationResponse:
		return KindNodeInfo
	case ICMPv6ExtendedEchoRequest:
		return KindExtendedEchoRequest
	case ICMPv6ExtendedEchoReply:
		return KindExtendedEchoReply
	}
	return KindRaw
}
