package codec

// typedBodyMore returns the typed view of the kinds beyond echo and error.
func typedBodyMore(m Message) (Body, bool) {
	switch m.Kind {
	case KindTimestamp:
		return m.Timestamp()
	case KindInformation:
		return m.Information()
	case KindAddressMask:
		return m.AddressMask()
	case KindRouterAdvert4:
		return m.RouterAdvert4()
	case KindRouterSolicit4:
		return m.RouterSolicit4()
	case KindExtendedEchoRequest:
		return m.ExtendedEchoRequest()
	case KindExtendedEchoReply:
		return m.ExtendedEchoReply()
	case KindRouterSolicit6, KindRouterAdvert6, KindNeighborSolicit, KindNeighborAdvert, KindRedirect6:
		return m.NDP()
	case KindMLDQuery:
		return m.MLDQuery()
	case KindMLDReport:
		return m.MLDv1()
	case KindMLDv2Report:
		return m.MLDv2Report()
	case KindNodeInfo:
		return m.NodeInfo()
	}
	return nil, false
}

// appendBodyMore calls Append with the concrete type of b.
func appendBodyMore(dst []byte, h Header, b Body) []byte {
	switch v := b.(type) {
	case Timestamp:
		return Append(dst, h, v)
	case Information:
		return Append(dst, h, v)
	case AddressMask:
		return Append(dst, h, v)
	case RouterAdvert4:
		return Append(dst, h, v)
	case RouterSolicit4:
		return Append(dst, h, v)
	case ExtendedEchoRequest:
		return Append(dst, h, v)
	case ExtendedEchoReply:
		return Append(dst, h, v)
	case NDP:
		return Append(dst, h, v)
	case MLDQuery:
		return Append(dst, h, v)
	case MLDv1:
		return Append(dst, h, v)
	case MLDv2Report:
		return Append(dst, h, v)
	case NodeInfo:
		return Append(dst, h, v)
	}
	panic("unknown body type")
}
