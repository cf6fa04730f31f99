// The embed's own small stylesheet (the embed's policy allows styles from this site only).
const css = `body{margin:0;font-family:Roboto,Helvetica,Arial,sans-serif;color:#333;line-height:1.5}main{padding:8px 12px}h1{font-size:1.25rem;margin:0 0 8px}ul{list-style:none;margin:0;padding:0}li{padding:8px 0;border-bottom:1px solid #ebebeb}a{color:#0065bd}a:focus{outline:3px solid #fdd522;background:#fdd522;color:#333}span{font-size:.9rem}`

export const loader = () => new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=86400' } })
