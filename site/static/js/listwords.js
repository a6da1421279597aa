// The words of the list's tools (the filter box, columns, go-to, export,
// compare), in English and Korean; strings.js spreads them into its tables.

export const LIST_EN = {
  filterLabel: 'Filter',
  filterPh: 'display filter, e.g. icmp.type == 11 && ip.src in 198.18.0.0/16',
  filterAt: (col) => 'column ' + col + ': ',
  filterSuggest: 'Field names',
  colLen: 'Length',
  colTTL: 'TTL',
  gotoLabel: 'Go to',
  gotoPh: 'No.',
  gotoTitle: 'Go to packet number (Ctrl-G)',
  notListed: (n) => 'packet ' + n + ' is not in the list',
  exportLabel: 'Export the listed packets',
  exportMenu: 'Export…',
  unchecked: (n) => n + ' packets past the bytes kept in memory could not be checked against the expression and are not listed',
};

export const LIST_KO = {
  filterLabel: '필터',
  filterPh: '표시 필터, 예: icmp.type == 11 && ip.src in 198.18.0.0/16',
  filterAt: (col) => col + '번째 글자: ',
  filterSuggest: '필드 이름',
  colLen: '길이',
  colTTL: 'TTL',
  gotoLabel: '이동',
  gotoPh: '번호',
  gotoTitle: '패킷 번호로 이동 (Ctrl-G)',
  notListed: (n) => '패킷 ' + n + '은(는) 목록에 없습니다',
  exportLabel: '목록의 패킷 내보내기',
  exportMenu: '내보내기…',
  unchecked: (n) => '메모리에 보관하지 않은 패킷 ' + n + '개는 식으로 검사할 수 없어 목록에서 뺐습니다',
};
