package codec

// ICMPv4 types, in decimal as IANA lists them ("ICMP Type Numbers").
// Deprecated types stay: captures still carry them and learners meet them.
const (
	ICMPv4EchoReply              Type = 0
	ICMPv4DestinationUnreachable Type = 3
	ICMPv4SourceQuench           Type = 4 // deprecated, RFC 6633
	ICMPv4Redirect               Type = 5
	ICMPv4AlternateHostAddress   Type = 6 // deprecated, RFC 6918
	ICMPv4EchoRequest            Type = 8
	ICMPv4RouterAdvertisement    Type = 9
	ICMPv4RouterSolicitation     Type = 10
	ICMPv4TimeExceeded           Type = 11
	ICMPv4ParameterProblem       Type = 12
	ICMPv4Timestamp              Type = 13
	ICMPv4TimestampReply         Type = 14
	ICMPv4InformationRequest     Type = 15 // deprecated, RFC 6918
	ICMPv4InformationReply       Type = 16 // deprecated, RFC 6918
	ICMPv4AddressMaskRequest     Type = 17 // deprecated, RFC 6918
	ICMPv4AddressMaskReply       Type = 18 // deprecated, RFC 6918
	ICMPv4Traceroute             Type = 30 // deprecated, RFC 6918
	ICMPv4DatagramConversionErr  Type = 31 // deprecated, RFC 6918
	ICMPv4MobileHostRedirect     Type = 32 // deprecated, RFC 6918
	ICMPv4IPv6WhereAreYou        Type = 33 // deprecated, RFC 6918
	ICMPv4IPv6IAmHere            Type = 34 // deprecated, RFC 6918
	ICMPv4MobileRegRequest       Type = 35 // deprecated, RFC 6918
	ICMPv4MobileRegReply         Type = 36 // deprecated, RFC 6918
	ICMPv4DomainNameRequest      Type = 37 // deprecated, RFC 6918
	ICMPv4DomainNameReply        Type = 38 // deprecated, RFC 6918
	ICMPv4SKIP                   Type = 39 // deprecated, RFC 6918
	ICMPv4Photuris               Type = 40
	ICMPv4Experimental           Type = 41 // seamoby experimental mobility
	ICMPv4ExtendedEchoRequest    Type = 42
	ICMPv4ExtendedEchoReply      Type = 43
)

// ICMPv6 types, in decimal as IANA lists them ("ICMPv6 'type' Numbers").
const (
	ICMPv6DestinationUnreachable  Type = 1
	ICMPv6PacketTooBig            Type = 2
	ICMPv6TimeExceeded            Type = 3
	ICMPv6ParameterProblem        Type = 4
	ICMPv6EchoRequest             Type = 128
	ICMPv6EchoReply               Type = 129
	ICMPv6MLDQuery                Type = 130
	ICMPv6MLDReport               Type = 131
	ICMPv6MLDDone                 Type = 132
	ICMPv6RouterSolicitation      Type = 133
	ICMPv6RouterAdvertisement     Type = 134
	ICMPv6NeighborSolicitation    Type = 135
	ICMPv6NeighborAdvertisement   Type = 136
	ICMPv6Redirect                Type = 137
	ICMPv6RouterRenumbering       Type = 138
	ICMPv6NodeInformationQuery    Type = 139
	ICMPv6NodeInformationResponse Type = 140
	ICMPv6InverseNDSolicitation   Type = 141
	ICMPv6InverseNDAdvertisement  Type = 142
	ICMPv6MLDv2Report             Type = 143
	ICMPv6HomeAgentDiscoveryReq   Type = 144
	ICMPv6HomeAgentDiscoveryReply Type = 145
	ICMPv6MobilePrefixSolicit     Type = 146
	ICMPv6MobilePrefixAdvert      Type = 147
	ICMPv6CertPathSolicitation    Type = 148
	ICMPv6CertPathAdvertisement   Type = 149
	ICMPv6Experimental            Type = 150 // experimental mobility protocols (Seamoby)
	ICMPv6MRDAdvertisement        Type = 151
	ICMPv6MRDSolicitation         Type = 152
	ICMPv6MRDTermination          Type = 153
	ICMPv6FMIPv6                  Type = 154
	ICMPv6RPLControl              Type = 155
	ICMPv6ILNPv6LocatorUpdate     Type = 156
	ICMPv6DuplicateAddressRequest Type = 157
	ICMPv6DuplicateAddressConfirm Type = 158
	ICMPv6MPLControl              Type = 159
	ICMPv6ExtendedEchoRequest     Type = 160
	ICMPv6ExtendedEchoReply       Type = 161
)
