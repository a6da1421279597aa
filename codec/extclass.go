package codec

import "strconv"

// extClassNames are the RFC 4884 extension object classes by the names
// tshark shows for them (IANA "ICMP Extension Object Classes and Class
// Sub-types"; the ExtClass constants are declared with Extensions), each
// with its Korean, the English kept beside it.
var extClassNames = map[ExtClass]names{
	ExtClassMPLS:      nm("MPLS Label Stack Class", "MPLS 레이블 스택 클래스 (MPLS Label Stack Class)"),
	ExtClassInterface: nm("Interface Information Object", "인터페이스 정보 객체 (Interface Information Object)"),
	ExtClassIdent:     nm("Interface Identification Object", "인터페이스 식별 객체 (Interface Identification Object)"),
}

// Name is the class's name, and false for a class codec does not know.
func (c ExtClass) Name() (string, bool) {
	n, ok := extClassNames[c]
	return n.en, ok
}

// NameKO is Name in Korean.
func (c ExtClass) NameKO() (string, bool) {
	n, ok := extClassNames[c]
	return n.ko, ok
}

// String is the class's name, or "Unknown class N": the number of an
// unknown class is never hidden.
func (c ExtClass) String() string {
	if n, ok := c.Name(); ok {
		return n
	}
	return "Unknown class " + strconv.Itoa(int(c))
}

// KO is String in Korean, "알 수 없는 클래스 N" for an unknown class.
func (c ExtClass) KO() string {
	if n, ok := c.NameKO(); ok {
		return n
	}
	return "알 수 없는 클래스 " + strconv.Itoa(int(c))
}
