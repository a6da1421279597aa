package codec

import "strconv"

// extClassNames are the RFC 4884 extension object classes by the names
// tshark shows for them (IANA "ICMP Extension Object Classes and Class
// Sub-types"; the ExtClass constants are declared with Extensions).
var extClassNames = map[ExtClass]string{
	ExtClassMPLS:      "MPLS Label Stack Class",
	ExtClassInterface: "Interface Information Object",
	ExtClassIdent:     "Interface Identification Object",
}

// Name is the class's name, and false for a class codec does not know.
func (c ExtClass) Name() (string, bool) {
	n, ok := extClassNames[c]
	return n, ok
}

// String is the class's name, or "Unknown class N": the number of an
// unknown class is never hidden.
func (c ExtClass) String() string {
	if n, ok := c.Name(); ok {
		return n
	}
	return "Unknown class " + strconv.Itoa(int(c))
}
