import {
  createFrameHistory,
  type HistoryAction,
  type HistoryLocation,
} from '../../../../local/host/browser/frame-history';

const root = { pathname: '/', search: '', hash: '', state: null };
const pathOf = (location: HistoryLocation) => `${location.pathname}${location.search}${location.hash}`;

describe("view.createHistory() in the local host's bridge", () => {
  it("calls listeners as Forge does, (location, action), and hands a full page module's changes to the page", () => {
    const committed: string[] = [];
    const moves: number[] = [];
    const history = createFrameHistory(
      { pathname: '/email-log', search: '', hash: '', state: null },
      {
        commit: (action, location) => committed.push(`${action} ${pathOf(location)}`),
        go: (delta) => moves.push(delta),
      },
    );
    const heard: string[] = [];
    history.listen((location: HistoryLocation, action: HistoryAction) => heard.push(`${action} ${pathOf(location)}`));

    expect(pathOf(history.location)).toBe('/email-log');
    history.push('/email-templates?open=1');
    history.replace({ pathname: '/sending-settings' });
    history.back();
    history.pop({ pathname: '/credentials', search: '', hash: '', state: { from: 'page' } });

    expect(committed).toEqual(['PUSH /email-templates?open=1', 'REPLACE /sending-settings']);
    expect(moves).toEqual([-1]);
    expect(heard).toEqual(['PUSH /email-templates?open=1', 'REPLACE /sending-settings', 'POP /credentials']);
    expect(history.location.state).toEqual({ from: 'page' });
    expect(history.action).toBe('POP');
  });

  it('keeps its own entries in memory where there is no page history (a modal)', () => {
    const history = createFrameHistory(root, null);
    const heard: string[] = [];
    const stop = history.listen((location) => heard.push(pathOf(location)));
    history.push('/a');
    history.push('b');
    history.go(-1);
    history.forward();
    history.go(5);
    stop();
    history.back();
    expect(heard).toEqual(['/a', '/b', '/a', '/b']);
    expect(pathOf(history.location)).toBe('/a');
    expect(history.createHref('/x#y')).toBe('/x#y');
  });
});
