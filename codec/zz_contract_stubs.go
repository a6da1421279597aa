package codec

// CONTRACT STUBS: signatures other packages code against. The codec-core
// implementer replaces each with a real implementation in a properly named
// file and deletes this file. Nothing here is meant to land as-is.

// Typed views. Each returns false when the message is not of that kind.
func (m Message) Timestamp() (Timestamp, bool)           { return Timestamp{}, false }
func (m Message) Information() (Information, bool)       { return Information{}, false }
func (m Message) AddressMask() (AddressMask, bool)       { return AddressMask{}, false }
func (m Message) RouterAdvert4() (RouterAdvert4, bool)   { return RouterAdvert4{}, false }
func (m Message) RouterSolicit4() (RouterSolicit4, bool) { return RouterSolicit4{}, false }
func (m Message) ExtendedEchoRequest() (ExtendedEchoRequest, bool) {
	return ExtendedEchoRequest{}, false
}
func (m Message) ExtendedEchoReply() (ExtendedEchoReply, bool) { return ExtendedEchoReply{}, false }
func (m Message) NDP() (NDP, bool)                             { return NDP{}, false }
func (m Message) MLDQuery() (MLDQuery, bool)                   { return MLDQuery{}, false }
func (m Message) MLDv1() (MLDv1, bool)                         { return MLDv1{}, false }
func (m Message) MLDv2Report() (MLDv2Report, bool)             { return MLDv2Report{}, false }
func (m Message) NodeInfo() (NodeInfo, bool)                   { return NodeInfo{}, false }

// Body implementations (Len, AppendBody) for every view type.
func (t Timestamp) Len() int                             { return 0 }
func (t Timestamp) AppendBody(b []byte) []byte           { return b }
func (t Information) Len() int                           { return 0 }
func (t Information) AppendBody(b []byte) []byte         { return b }
func (t AddressMask) Len() int                           { return 0 }
func (t AddressMask) AppendBody(b []byte) []byte         { return b }
func (t RouterAdvert4) Len() int                         { return 0 }
func (t RouterAdvert4) AppendBody(b []byte) []byte       { return b }
func (t RouterSolicit4) Len() int                        { return 0 }
func (t RouterSolicit4) AppendBody(b []byte) []byte      { return b }
func (t ExtendedEchoRequest) Len() int                   { return 0 }
func (t ExtendedEchoRequest) AppendBody(b []byte) []byte { return b }
func (t ExtendedEchoReply) Len() int                     { return 0 }
func (t ExtendedEchoReply) AppendBody(b []byte) []byte   { return b }
func (t NDP) Len() int                                   { return 0 }
func (t NDP) AppendBody(b []byte) []byte                 { return b }
func (t MLDQuery) Len() int                              { return 0 }
func (t MLDQuery) AppendBody(b []byte) []byte            { return b }
func (t MLDv1) Len() int                                 { return 0 }
func (t MLDv1) AppendBody(b []byte) []byte               { return b }
func (t MLDv2Report) Len() int                           { return 0 }
func (t MLDv2Report) AppendBody(b []byte) []byte         { return b }
func (t NodeInfo) Len() int                              { return 0 }
func (t NodeInfo) AppendBody(b []byte) []byte            { return b }

// Extension iteration and decoding.
func (o ExtObject) InterfaceInfo() (InterfaceInfo, error)             { return InterfaceInfo{}, ErrUnsupported }
func (o ExtObject) InterfaceIdent() (InterfaceIdent, error)           { return InterfaceIdent{}, ErrUnsupported }
func AppendInterfaceInfoObject(dst []byte, ii InterfaceInfo) []byte   { return dst }
func AppendInterfaceIdentObject(dst []byte, id InterfaceIdent) []byte { return dst }

// NDP options and MLD records.
func (n NDP) Options() NDPOptionIter           { return NDPOptionIter{} }
func (r MLDv2Report) Records() MLDRecordIter   { return MLDRecordIter{} }
func (r RouterAdvert4) Entry(i int) RouterAddr { return RouterAddr{} }

// IP, UDP, TCP.
