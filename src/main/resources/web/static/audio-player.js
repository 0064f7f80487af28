// An audio player with play/pause, seek and speed, built on <audio>.

import { h } from './dom.js';
import { icon } from './icons.js';
import { formatDuration } from './format.js';

const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];
const clock = (s) => formatDuration(s) || '0:00';

export function audioPlayer(src, title) {
  const audio = h('audio', { preload: 'metadata', src });
  const playIcon = h('span', { class: 'play-icon' }, icon('play', { size: 20 }));
  const play = h('button', { type: 'button', class: 'player-play', 'aria-label': 'Play audio summary' }, playIcon);
  const seek = h('input', { type: 'range', class: 'player-seek', min: '0', max: '0', step: '1', value: '0', 'aria-label': 'Seek' });
  const time = h('span', { class: 'player-time', text: '0:00 / 0:00' });
  const speed = h('select', { class: 'player-speed', 'aria-label': 'Playback speed' },
    SPEEDS.map((s) => h('option', { value: String(s), selected: s === 1, text: `${s}×` })));
  const root = h('div', { class: 'player', role: 'group', 'aria-label': `Audio summary: ${title}` }, audio, play, seek, time, speed);

  const sync = () => {
    const d = Number.isFinite(audio.duration) ? audio.duration : 0;
    seek.max = String(Math.floor(d));
    if (!seek.matches(':active')) seek.value = String(Math.floor(audio.currentTime));
    seek.setAttribute('aria-valuetext', `${clock(audio.currentTime)} of ${clock(d)}`);
    seek.style.setProperty('--progress', d ? `${(audio.currentTime / d) * 100}%` : '0%');
    time.textContent = `${clock(audio.currentTime)} / ${clock(d)}`;
  };
  const setPlaying = (playing) => {
    playIcon.replaceChildren(icon(playing ? 'pause' : 'play', { size: 20 }));
    play.setAttribute('aria-label', playing ? 'Pause audio summary' : 'Play audio summary');
    root.classList.toggle('is-playing', playing);
  };
  play.addEventListener('click', () => (audio.paused ? audio.play().catch(() => {}) : audio.pause()));
  seek.addEventListener('input', () => { audio.currentTime = Number(seek.value); sync(); });
  speed.addEventListener('change', () => { audio.playbackRate = Number(speed.value); });
  audio.addEventListener('timeupdate', sync);
  audio.addEventListener('loadedmetadata', sync);
  audio.addEventListener('play', () => setPlaying(true));
  audio.addEventListener('pause', () => setPlaying(false));
  audio.addEventListener('ended', () => setPlaying(false));
  audio.addEventListener('error', () => { root.classList.add('is-broken'); time.textContent = 'Audio unavailable'; });
  return { el: root, stop: () => audio.pause() };
}
