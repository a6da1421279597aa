package ping

import (
	"fmt"

	"icmplab/codec"
)

// PRESENTATION ONLY. The strings below are iputils ping's wording for ICMP
// errors (ping.c pr_icmph, ping6_common.c print_icmp; iputils 20221126),
// kept so that scripts written against iputils output read ours unchanged.
// They are keyed by codec's constants and say nothing codec's registry does
// not: where iputils has no wording of its own, the registry's IANA names
// are used. The protocol knowledge stays in codec.

// iputilsV4Unreach is iputils' text per ICMPv4 destination unreachable code.
var iputilsV4Unreach = map[codec.Code]string{
	codec.CodeNetUnreachable:          "Destination Net Unreachable",
	codec.CodeHostUnreachable:         "Destination Host Unreachable",
	codec.CodeProtocolUnreachable:     "Destination Protocol Unreachable",
	codec.CodePortUnreachable:         "Destination Port Unreachable",
	codec.CodeSourceRouteFailed:       "Source Route Failed",
	codec.CodeNetUnknown:              "Destination Net Unknown",
	codec.CodeHostUnknown:             "Destination Host Unknown",
	codec.CodeSourceHostIsolated:      "Source Host Isolated",
	codec.CodeNetProhibited:           "Destination Net Prohibited",
	codec.CodeHostProhibited:          "Destination Host Prohibited",
	codec.CodeNetUnreachableForTOS:    "Destination Net Unreachable for Type of Service",
	codec.CodeHostUnreachableForTOS:   "Destination Host Unreachable for Type of Service",
	codec.CodeCommunicationProhibited: "Packet filtered",
	codec.CodeHostPrecedenceViolation: "Precedence Violation",
	codec.CodePrecedenceCutoff:        "Precedence Cutoff",
	// CodeFragmentationNeeded carries the MTU: see ErrorText.
}

// iputilsV6Unreach is iputils' text after "Destination unreachable: ".
var iputilsV6Unreach = map[codec.Code]string{
	codec.Code6NoRoute:            "No route",
	codec.Code6AdminProhibited:    "Administratively prohibited",
	codec.Code6BeyondScope:        "Beyond scope of source address",
	codec.Code6AddressUnreachable: "Address unreachable",
	codec.Code6PortUnreachable:    "Port unreachable",
}

// ErrorText is what follows "From X icmp_seq=N " for an ICMP error: iputils'
// wording where it has one, the registry's names elsewhere.
func ErrorText(ev Event) string {
	f, t, c := ev.Family, ev.Type, ev.Code
	if f == codec.IPv6 {
		switch t {
		case codec.ICMPv6DestinationUnreachable:
			if s, ok := iputilsV6Unreach[c]; ok {
				return "Destination unreachable: " + s
			}
			return "Destination unreachable: " + codec.CodeName(f, t, c)
		case codec.ICMPv6PacketTooBig:
			s := fmt.Sprintf("Packet too big: mtu=%d", ev.MTU)
			if c != 0 {
				s += fmt.Sprintf(", code=%d", c)
			}
			return s
		case codec.ICMPv6TimeExceeded:
			switch c {
			case codec.CodeTTLExceeded:
				return "Time exceeded: Hop limit"
			case codec.CodeReassemblyExceeded:
				return "Time exceeded: Defragmentation failure"
			}
			return "Time exceeded: " + codec.CodeName(f, t, c)
		case codec.ICMPv6ParameterProblem:
			// iputils: "Wrong header field ", "Unknown header ", "Unknown option ".
			words := [...]string{"Wrong header field ", "Unknown header ", "Unknown option "}
			s := "Parameter problem: "
			if int(c) < len(words) {
				s += words[c]
			} else {
				s += codec.CodeName(f, t, c) + " "
			}
			return s + fmt.Sprintf("at %d", ev.Pointer)
		}
		return codec.TypeName(f, t) + ": " + codec.CodeName(f, t, c)
	}
	switch t {
	case codec.ICMPv4DestinationUnreachable:
		if c == codec.CodeFragmentationNeeded {
			return fmt.Sprintf("Frag needed and DF set (mtu = %d)", ev.MTU)
		}
		if s, ok := iputilsV4Unreach[c]; ok {
			return s
		}
		return "Destination Unreachable: " + codec.CodeName(f, t, c)
	case codec.ICMPv4TimeExceeded:
		switch c {
		case codec.CodeTTLExceeded:
			return "Time to live exceeded"
		case codec.CodeReassemblyExceeded:
			return "Frag reassembly time exceeded"
		}
		return "Time exceeded: " + codec.CodeName(f, t, c)
	case codec.ICMPv4ParameterProblem:
		return fmt.Sprintf("Parameter problem: pointer = %d", ev.Pointer)
	case codec.ICMPv4SourceQuench:
		return "Source Quench"
	case codec.ICMPv4Redirect:
		return codec.CodeName(f, t, c) + fmt.Sprintf("(New nexthop: %s)", ev.Gateway)
	}
	return codec.TypeName(f, t) + ": " + codec.CodeName(f, t, c)
}
