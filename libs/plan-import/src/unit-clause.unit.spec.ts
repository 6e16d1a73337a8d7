import { parseUnitClause, splitUnitClause } from './unit-clause';
import { isCollectiveUnit, splitUnitList } from './unit-names';

const names = (units: readonly { name: string; group?: boolean }[] | undefined) =>
  units?.map((u) => (u.group ? `${u.name}*` : u.name));

describe('parseUnitClause: labelled lists', () => {
  it.each([
    ['half-width', '牵头部门:区数据局、区科委;配合部门:区商务委、各相关单位'],
    ['full-width', '牵头部门：区数据局、区科委；配合部门：区商务委、各相关单位'],
    ['mixed widths and spaces', '牵头部门： 区数据局、区科委 ; 配合部门:区商务委、各相关单位'],
    ['单位 labels', '牵头单位:区数据局、区科委;配合单位:区商务委、各相关单位'],
    ['责任单位 and 协办单位', '责任单位：区数据局、区科委；协办单位：区商务委、各相关单位'],
    [
      '责任部门 and a comma between lists',
      '责任部门:区数据局、区科委,配合部门:区商务委、各相关单位',
    ],
  ])('%s', (_name, inner) => {
    const units = parseUnitClause(inner);
    expect(names(units?.leads)).toEqual(['区数据局', '区科委']);
    expect(names(units?.supporting)).toEqual(['区商务委', '各相关单位*']);
    expect(units?.warnings).toEqual([]);
  });

  it('reads a lead-only clause', () => {
    const units = parseUnitClause('牵头部门:区卫生健康委');
    expect(names(units?.leads)).toEqual(['区卫生健康委']);
    expect(units?.supporting).toEqual([]);
  });

  it('splits a list on commas as well as 、', () => {
    expect(names(parseUnitClause('牵头单位：区数据局，区科委,区商务委')?.leads)).toEqual([
      '区数据局',
      '区科委',
      '区商务委',
    ]);
  });

  it('keeps brackets inside unit names, in either width, exactly as written', () => {
    const units = parseUnitClause(
      '牵头部门:区政府办公室(区外办)、区国资委（区金融办）;配合部门:区委办公室(区委机要局、区档案局)',
    );
    expect(names(units?.leads)).toEqual(['区政府办公室(区外办)', '区国资委（区金融办）']);
    expect(names(units?.supporting)).toEqual(['区委办公室(区委机要局、区档案局)']);
  });

  it('reads a 责任单位 list whose lead is marked (牵头)', () => {
    const units = parseUnitClause('责任单位：区发展改革委（牵头）、区商务委、区财政局');
    expect(names(units?.leads)).toEqual(['区发展改革委']);
    expect(names(units?.supporting)).toEqual(['区商务委', '区财政局']);
  });

  it('drops a trailing 等 from the last name', () => {
    expect(names(parseUnitClause('配合部门:区商务委、区财政局等')?.supporting)).toEqual([
      '区商务委',
      '区财政局',
    ]);
  });

  it('reports text it does not understand instead of dropping it silently', () => {
    const units = parseUnitClause('另行通知;牵头部门:区数据局;配合部门:');
    expect(names(units?.leads)).toEqual(['区数据局']);
    expect(units?.warnings).toEqual([
      'unit clause: text before the first label not understood: "另行通知"',
      'unit clause: label 配合部门 has no units',
    ]);
  });
});

describe('parseUnitClause: role words', () => {
  it.each([
    ['half-width', '区数据局牵头,区科委配合'],
    ['full-width', '区数据局牵头，区科委配合'],
    ['semicolon', '区数据局牵头;区科委配合'],
  ])('reads "X牵头,Y配合" (%s)', (_name, inner) => {
    const units = parseUnitClause(inner);
    expect(names(units?.leads)).toEqual(['区数据局']);
    expect(names(units?.supporting)).toEqual(['区科委']);
  });

  it('reads lists before each role word, and 负责/协办', () => {
    const units = parseUnitClause('区数据局、区城运中心牵头负责,区科委、各街镇协办');
    expect(names(units?.leads)).toEqual(['区数据局', '区城运中心']);
    expect(names(units?.supporting)).toEqual(['区科委', '各街镇*']);
  });

  it('reads a lead-only role clause', () => {
    const units = parseUnitClause('区民政局牵头');
    expect(names(units?.leads)).toEqual(['区民政局']);
    expect(units?.supporting).toEqual([]);
  });

  it('is not a unit clause when there is neither label nor role word', () => {
    expect(parseUnitClause('头部企业、独角兽企业等')).toBeUndefined();
    expect(parseUnitClause('牵头')).toBeUndefined();
  });
});

describe('splitUnitClause', () => {
  it('separates the closing unit bracket from the text', () => {
    const { rest, units } = splitUnitClause('完成建设。(牵头部门:区国资委（区金融办）)');
    expect(rest).toBe('完成建设。');
    expect(names(units?.leads)).toEqual(['区国资委（区金融办）']);
  });

  it('accepts a full stop or spaces after the bracket', () => {
    const { rest, units } = splitUnitClause('完成建设。（区数据局牵头，区科委配合）。 ');
    expect(rest).toBe('完成建设。');
    expect(names(units?.supporting)).toEqual(['区科委']);
  });

  it('leaves a closing bracket that names no units in the text', () => {
    const text = '培育2家龙头企业(头部企业、独角兽企业等)';
    expect(splitUnitClause(text)).toEqual({ rest: text });
  });
});

describe('collective units', () => {
  it.each([
    '各街镇',
    '各相关单位',
    '各区级部门',
    '各有关单位',
    '全区各部门',
    '相关街镇',
    '有关部门',
  ])('%s is a group', (name) => {
    expect(isCollectiveUnit(name)).toBe(true);
    expect(parseUnitClause(`配合部门:${name}`)?.supporting).toEqual([{ name, group: true }]);
  });

  it.each(['区数据局', '东虹办', '虹桥街道'])('%s is one unit', (name) => {
    expect(isCollectiveUnit(name)).toBe(false);
    expect(parseUnitClause(`牵头部门:${name}`)?.leads).toEqual([{ name }]);
  });

  it('splitUnitList trims and drops empties', () => {
    expect(splitUnitList(' 区数据局、、区科委 ')).toEqual(['区数据局', '区科委']);
  });
});
