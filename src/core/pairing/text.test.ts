import { shortHash, villageOf } from './text';

describe('villageOf', () => {
  it.each([
    ['湖南省邵阳市隆回县六都寨镇石桥村5组', '石桥村'],
    ['隆回县石桥村委会', '石桥村'],
    ['石桥村', '石桥村'],
    ['城关镇新华社区3栋', '新华社区'],
    ['桃洪镇向阳居委会', '向阳社区'],
    ['六都寨镇５组', '5组'],
    ['湖南省隆回县桃洪镇', null],
    ['', null],
  ])('%s -> %s', (address, village) => {
    expect(villageOf(address)).toBe(village);
  });

  it('names the same village the same whether or not the town is written', () => {
    expect(villageOf('六都寨镇石桥村')).toBe(villageOf('石桥村8组'));
  });
});

describe('shortHash', () => {
  it('is stable, compact and tells near strings apart', () => {
    expect(shortHash('id:430524201503120011')).toBe(shortHash('id:430524201503120011'));
    expect(shortHash('id:430524201503120011')).not.toBe(shortHash('id:430524201503120012'));
    expect(shortHash('x')).toMatch(/^[0-9a-z]{1,11}$/);
  });
});
