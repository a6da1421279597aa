package dissect

// udpTunnelPorts are the ports udpTunnel follows a tunnel from or to.
var udpTunnelPorts = [...]uint16{portGTPU, portGTPv0, portTeredo, portVXLAN, portGeneve, portMPLSUDP, portAYIYA, portVXLANLinux}

// UDPTunnelPort reports whether Dissect may follow a tunnel in a UDP
// datagram from or to port p (VXLAN, Geneve, GTP-U, Teredo, ...). A reader
// of fields without a tree (codec/filter's quick path) leaves such
// datagrams to Dissect, whose tree may hold a second IP header.
func UDPTunnelPort(p uint16) bool {
	for _, t := range udpTunnelPorts {
		if p == t {
			return true
		}
	}
	return false
}
