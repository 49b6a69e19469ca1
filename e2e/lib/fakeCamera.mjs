// A fake camera that films a checkpoint plate: the plate's QR image (drawn by a signed-in
// console page, so the browser decodes the PNG) is written as a Y4M video that Chromium
// plays as its camera with --use-file-for-fake-video-capture.
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS } from './paths.mjs';

const W = 640;
const H = 480;

/** Grey pixels (W×H, one byte each) of the QR image of `checkpointId`, centred on white. */
async function plateLuma(page, checkpointId) {
  const pixels = await page.evaluate(
    async ({ id, w, h }) => {
      const img = new Image();
      img.src = `/api/checkpoints/${id}/qr`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, w, h);
      ctx.imageSmoothingEnabled = false;
      const side = Math.min(w, h) - 80;
      ctx.drawImage(img, (w - side) / 2, (h - side) / 2, side, side);
      const data = ctx.getImageData(0, 0, w, h).data;
      const out = new Array(w * h);
      for (let i = 0; i < w * h; i++) out[i] = data[i * 4];
      return out;
    },
    { id: checkpointId, w: W, h: H },
  );
  return Buffer.from(pixels);
}

/** Writes the plate as a short Y4M clip in artifacts/ and returns its path. */
export async function plateVideo(page, checkpointId, name = 'fake-camera') {
  const luma = await plateLuma(page, checkpointId);
  const chroma = Buffer.alloc((W / 2) * (H / 2), 128);
  const header = Buffer.from(`YUV4MPEG2 W${W} H${H} F5:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.y4m`);
  fs.writeFileSync(file, Buffer.concat([header, frame, frame, frame, frame, frame]));
  return file;
}

export function fakeCameraArgs(file) {
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`];
}
